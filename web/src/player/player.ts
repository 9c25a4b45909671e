import type { Book } from '../api/types';
import type { ListeningAction } from '../sync/listening';
import { Value } from '../state';
import { SleepTimer, type SleepMode } from './sleep';
import { Timeline } from './timeline';

/**
 * Plays a book on one timeline across its audio files: each file is fetched directly with byte ranges (the browser's
 * own media stack, no transcoding), and the next file is loaded into a second audio element before the current one
 * ends, so that playback hands over from part to part without a gap worth hearing (the gap is measured and kept in
 * {@link Player.handoverGapsMs}).
 */

export interface PlayerState {
  book: Book | null;
  playing: boolean;
  positionSec: number;
  speed: number;
  volume: number;
  chapterIndex: number;
  sleep: SleepMode | null;
  error: string | null;
}

export interface Settings { backSec: number; forwardSec: number }

/** Where the player reports listening (the sync module). */
export type Report = (book: Book, action: ListeningAction, positionSec: number, speed: number, leaving?: boolean) => void;

const TICK_MS = 10_000;
const PRELOAD_BEFORE_END_SEC = 20;

export class Player {
  readonly state = new Value<PlayerState>({
    book: null, playing: false, positionSec: 0, speed: Number(localStorage.getItem('cyprus.speed') ?? 1), volume: 1,
    chapterIndex: 0, sleep: null, error: null,
  });
  readonly settings = new Value<Settings>(readSettings());
  /** Milliseconds between one part ending and the next playing, per handover. */
  readonly handoverGapsMs: number[] = [];
  readonly sleepTimer: SleepTimer;
  private timeline: Timeline | null = null;
  private readonly elements: [HTMLAudioElement, HTMLAudioElement];
  private active = 0;
  private partIndex = 0;
  private preloaded = -1;
  private fade = 1;
  private tick: ReturnType<typeof setInterval> | null = null;
  private endedAtMs = 0;

  constructor(private readonly report: Report) {
    this.elements = [this.element(0), this.element(1)];
    this.sleepTimer = new SleepTimer({
      remainingSec: (mode) => mode.kind === 'minutes'
        ? (mode.endsAtMs - Date.now()) / 1000
        : (this.chapterEnd() - this.position()) / this.state.get().speed,
      setFade: (f) => { this.fade = f; this.applyVolume(); },
      fallAsleep: () => this.pause(),
    }, (sleep) => this.patch({ sleep }));
  }

  get audio(): HTMLAudioElement {
    return this.elements[this.active];
  }

  get book(): Book | null {
    return this.state.get().book;
  }

  get timelineOf(): Timeline | null {
    return this.timeline;
  }

  /** Loads a book at a position; plays at once when asked. */
  load(book: Book, startSec: number, play: boolean): void {
    if (this.book && this.state.get().playing) this.pause();
    this.timeline = new Timeline(book);
    this.patch({ book, positionSec: this.timeline.clamp(startSec), error: null, chapterIndex: this.timeline.chapterIndexAt(startSec) });
    this.preloaded = -1;
    this.elements.forEach((e) => e.removeAttribute('src'));
    this.cue(this.timeline.clamp(startSec));
    if (play) void this.play();
  }

  async play(): Promise<void> {
    const book = this.book;
    if (!book || !this.timeline) return;
    if (this.position() >= this.timeline.durationSec - 0.5) this.cue(0);
    this.audio.playbackRate = this.state.get().speed;
    try {
      await this.audio.play();
    } catch (e) {
      if ((e as Error).name !== 'AbortError') this.patch({ error: 'This book cannot play here: ' + (e as Error).message });
    }
  }

  pause(): void {
    this.audio.pause();
  }

  toggle(): void {
    if (this.state.get().playing) this.pause();
    else void this.play();
  }

  /** Moves to a second of the book, and tells the server it was a deliberate seek. */
  seek(bookSec: number): void {
    if (!this.timeline || !this.book) return;
    const target = this.timeline.clamp(bookSec);
    this.cue(target);
    this.report(this.book, 'seek', target, this.state.get().speed);
  }

  /** Moves without telling the server (another device moved the book). */
  follow(bookSec: number): void {
    if (!this.timeline || this.state.get().playing) return;
    this.cue(this.timeline.clamp(bookSec));
  }

  skip(deltaSec: number): void {
    this.seek(this.position() + deltaSec);
  }

  back(): void {
    this.skip(-this.settings.get().backSec);
  }

  forward(): void {
    this.skip(this.settings.get().forwardSec);
  }

  nextChapter(): void {
    const t = this.timeline;
    if (!t) return;
    const i = t.chapterIndexAt(this.position());
    if (i + 1 < t.chapters.length) this.seek(t.chapters[i + 1].startSeconds);
  }

  /** To the start of this chapter, or of the previous one within its first 3 seconds. */
  previousChapter(): void {
    const t = this.timeline;
    if (!t) return;
    const pos = this.position();
    const i = t.chapterIndexAt(pos);
    const into = pos - t.chapters[i].startSeconds;
    this.seek(t.chapters[into < 3 && i > 0 ? i - 1 : i].startSeconds);
  }

  setSpeed(speed: number): void {
    const s = Math.min(3, Math.max(0.5, Math.round(speed * 20) / 20));
    localStorage.setItem('cyprus.speed', String(s));
    this.elements.forEach((e) => { e.playbackRate = s; });
    this.patch({ speed: s });
  }

  setVolume(volume: number): void {
    this.patch({ volume: Math.min(1, Math.max(0, volume)) });
    this.applyVolume();
  }

  setSettings(settings: Settings): void {
    localStorage.setItem('cyprus.settings', JSON.stringify(settings));
    this.settings.set(settings);
  }

  /** The position on the book's timeline now. */
  position(): number {
    const t = this.timeline;
    if (!t || t.parts.length === 0) return this.state.get().positionSec;
    const a = this.audio;
    if (!a.src) return this.state.get().positionSec;
    return t.parts[this.partIndex].startSeconds + a.currentTime;
  }

  chapterEnd(): number {
    const t = this.timeline;
    if (!t) return 0;
    return t.chapters[t.chapterIndexAt(this.position())].endSeconds;
  }

  /** Reports where playback is, as the page goes away. */
  leave(): void {
    if (this.book && this.state.get().playing) this.report(this.book, 'pause', this.position(), this.state.get().speed, true);
  }

  private cue(bookSec: number): void {
    const t = this.timeline;
    if (!t || t.parts.length === 0) return;
    const index = t.partIndexAt(bookSec);
    const offset = bookSec - t.parts[index].startSeconds;
    const wasPlaying = this.state.get().playing;
    if (index !== this.partIndex || !this.audio.src) {
      const old = this.audio;
      if (this.preloaded === index) {
        this.active = 1 - this.active;
      } else {
        this.audio.src = partUrl(t.parts[index].id);
      }
      this.preloaded = -1;
      this.partIndex = index;
      if (old !== this.audio) old.pause();
    }
    this.setTime(this.audio, offset);
    this.audio.playbackRate = this.state.get().speed;
    this.applyVolume();
    this.patch({ positionSec: bookSec, chapterIndex: t.chapterIndexAt(bookSec) });
    if (wasPlaying) void this.play();
  }

  private setTime(audio: HTMLAudioElement, sec: number): void {
    if (audio.readyState >= 1) {
      audio.currentTime = sec;
    } else {
      audio.addEventListener('loadedmetadata', () => { audio.currentTime = sec; }, { once: true });
    }
  }

  private element(index: number): HTMLAudioElement {
    const a = new Audio();
    a.preload = 'auto';
    a.dataset.part = String(index);
    document.body.append(a); // no controls: invisible; in the document so that tools and tests can find it
    const mine = () => this.elements[this.active] === a;
    a.addEventListener('playing', () => {
      if (!mine()) return;
      if (this.endedAtMs > 0) {
        const gapMs = performance.now() - this.endedAtMs;
        this.handoverGapsMs.push(gapMs);
        a.dataset.handoverGapMs = gapMs.toFixed(1);
        this.endedAtMs = 0;
      }
    });
    a.addEventListener('play', () => {
      if (!mine() || this.state.get().playing) return;
      this.patch({ playing: true, error: null });
      if (this.book) this.report(this.book, 'play', this.position(), this.state.get().speed);
      this.startTicks();
    });
    a.addEventListener('pause', () => {
      if (!mine() || a.ended) return;
      this.stopTicks();
      this.patch({ playing: false, positionSec: this.position() });
      if (this.book) this.report(this.book, 'pause', this.position(), this.state.get().speed);
    });
    a.addEventListener('timeupdate', () => {
      if (mine()) this.onTime();
    });
    a.addEventListener('ended', () => {
      if (mine()) this.onEnded();
    });
    a.addEventListener('error', () => {
      if (mine() && a.src) this.patch({ error: 'The audio could not be loaded.', playing: false });
    });
    return a;
  }

  private onTime(): void {
    const t = this.timeline;
    const book = this.book;
    if (!t || !book) return;
    const pos = this.position();
    const chapter = t.chapterIndexAt(pos);
    if (chapter !== this.state.get().chapterIndex && this.state.get().playing) {
      this.report(book, 'progress', pos, this.state.get().speed);
    }
    this.patch({ positionSec: pos, chapterIndex: chapter });
    const next = this.partIndex + 1;
    if (next < t.parts.length && this.preloaded !== next && this.audio.duration - this.audio.currentTime < PRELOAD_BEFORE_END_SEC) {
      const other = this.elements[1 - this.active];
      other.src = partUrl(t.parts[next].id);
      other.playbackRate = this.state.get().speed;
      other.load();
      this.preloaded = next;
    }
  }

  private onEnded(): void {
    const t = this.timeline;
    const book = this.book;
    if (!t || !book) return;
    const next = this.partIndex + 1;
    if (next < t.parts.length) {
      this.endedAtMs = performance.now();
      if (this.preloaded !== next) {
        this.elements[1 - this.active].src = partUrl(t.parts[next].id);
      }
      this.active = 1 - this.active;
      this.partIndex = next;
      this.preloaded = -1;
      this.audio.currentTime = 0;
      this.audio.playbackRate = this.state.get().speed;
      this.applyVolume();
      void this.audio.play();
      return;
    }
    this.stopTicks();
    this.patch({ playing: false, positionSec: t.durationSec });
    this.report(book, 'finish', t.durationSec, this.state.get().speed);
  }

  private startTicks(): void {
    this.stopTicks();
    this.tick = setInterval(() => {
      if (this.book && this.state.get().playing) this.report(this.book, 'progress', this.position(), this.state.get().speed);
    }, TICK_MS);
  }

  private stopTicks(): void {
    if (this.tick !== null) clearInterval(this.tick);
    this.tick = null;
  }

  private applyVolume(): void {
    const v = this.state.get().volume * this.fade;
    this.elements.forEach((e) => { e.volume = v; });
  }

  private patch(change: Partial<PlayerState>): void {
    this.state.set({ ...this.state.get(), ...change });
  }
}

export function partUrl(fileId: string): string {
  return `/api/v1/files/${encodeURIComponent(fileId)}`;
}

function readSettings(): Settings {
  try {
    return { backSec: 15, forwardSec: 30, ...JSON.parse(localStorage.getItem('cyprus.settings') ?? '{}') } as Settings;
  } catch {
    return { backSec: 15, forwardSec: 30 };
  }
}
