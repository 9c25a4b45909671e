import type { Player } from './player';

/**
 * Lock-screen, notification and headset controls (the Media Session API): the chapter as the track title, the book
 * as the album, its cover as artwork, and the position on the book's timeline.
 */
export function connectMediaSession(player: Player): void {
  if (!('mediaSession' in navigator)) return;
  const session = navigator.mediaSession;
  const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
    ['play', () => void player.play()],
    ['pause', () => player.pause()],
    ['stop', () => player.pause()],
    ['seekbackward', (d) => player.skip(-(d.seekOffset ?? player.settings.get().backSec))],
    ['seekforward', (d) => player.skip(d.seekOffset ?? player.settings.get().forwardSec)],
    ['previoustrack', () => player.previousChapter()],
    ['nexttrack', () => player.nextChapter()],
    ['seekto', (d) => { if (d.seekTime !== undefined) player.seek(d.seekTime); }],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // This browser does not know the action.
    }
  }
  let shown = '';
  let lastPositionMs = 0;
  player.state.subscribe((s) => {
    session.playbackState = s.book ? (s.playing ? 'playing' : 'paused') : 'none';
    if (!s.book) return;
    const chapter = player.timelineOf?.chapters[s.chapterIndex]?.title ?? s.book.title;
    const key = s.book.id + '\u0000' + chapter;
    if (key !== shown) {
      shown = key;
      const cover = s.book.coverUrl;
      session.metadata = new MediaMetadata({
        title: chapter, artist: s.book.authors.join(', '), album: s.book.title,
        artwork: cover ? [256, 512].map((n) => ({ src: `${cover}${cover.includes('?') ? '&' : '?'}size=${n}`, sizes: `${n}x${n}`, type: 'image/jpeg' })) : [],
      });
    }
    const now = Date.now();
    if (now - lastPositionMs > 1000 && s.book.durationSeconds > 0) {
      lastPositionMs = now;
      try {
        session.setPositionState({ duration: s.book.durationSeconds, playbackRate: s.speed, position: Math.min(s.positionSec, s.book.durationSeconds) });
      } catch {
        // A position the browser refuses (before the duration is known).
      }
    }
  });
}
