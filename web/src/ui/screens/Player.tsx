import { listening, player } from '../../app';
import { clock, ago, useValue } from '../../state';
import { Cover } from '../parts';

const STEPS = [5, 10, 15, 30, 45, 60, 90];

/** The full player: every control, two scrubbers (book and chapter), speed, sleep timer, volume, skip steps. */
export function Player() {
  const s = useValue(player.state);
  const settings = useValue(player.settings);
  const t = player.timelineOf;
  if (!s.book || !t) {
    return <main class="player-full"><h1>Nothing playing</h1><p><a href="/library">Choose a book</a>.</p></main>;
  }
  const chapter = t.chapters[s.chapterIndex];
  const inChapter = s.positionSec - chapter.startSeconds;
  const chapterLength = chapter.endSeconds - chapter.startSeconds;
  const remaining = (t.durationSec - s.positionSec) / s.speed;

  return (
    <main class="player-full" aria-label="Player">
      <Cover book={s.book} size={512} />
      <h1><a href={`/books/${s.book.id}`}>{s.book.title}</a></h1>
      <p class="chapter-title" data-testid="chapter-title">{chapter.title}</p>
      <label class="scrub">
        <span class="visually-hidden">Position in the chapter</span>
        <input type="range" min={0} max={Math.max(1, chapterLength)} step={1} value={inChapter} aria-label="Position in the chapter"
          aria-valuetext={`${clock(inChapter)} of ${clock(chapterLength)}`}
          onChange={(e) => player.seek(chapter.startSeconds + Number((e.target as HTMLInputElement).value))} />
        <span class="times"><span>{clock(inChapter)}</span><span>-{clock(chapterLength - inChapter)}</span></span>
      </label>
      <div class="transport">
        <button type="button" aria-label="Previous chapter" onClick={() => player.previousChapter()}>« Chapter</button>
        <button type="button" aria-label={`Back ${settings.backSec} seconds`} onClick={() => player.back()}>↺ {settings.backSec}</button>
        <button type="button" class="play" aria-label={s.playing ? 'Pause' : 'Play'} onClick={() => player.toggle()}>{s.playing ? '❚❚' : '▶'}</button>
        <button type="button" aria-label={`Forward ${settings.forwardSec} seconds`} onClick={() => player.forward()}>{settings.forwardSec} ↻</button>
        <button type="button" aria-label="Next chapter" onClick={() => player.nextChapter()}>Chapter »</button>
      </div>
      <label class="scrub">
        <span>Book</span>
        <input type="range" min={0} max={Math.max(1, t.durationSec)} step={1} value={s.positionSec} aria-label="Position in the book"
          aria-valuetext={`${clock(s.positionSec)} of ${clock(t.durationSec)}`}
          onChange={(e) => player.seek(Number((e.target as HTMLInputElement).value))} />
        <span class="times"><span data-testid="position">{clock(s.positionSec)}</span>
          <span data-testid="remaining">{clock(remaining)} left at {s.speed.toFixed(2)}×</span></span>
      </label>
      {s.error && <p class="problem" role="alert">{s.error}</p>}
      <div class="settings-grid">
        <label>Speed <output data-testid="speed">{s.speed.toFixed(2)}×</output>
          <input type="range" min={0.5} max={3} step={0.05} value={s.speed} aria-label="Playback speed"
            aria-valuetext={`${s.speed.toFixed(2)} times`} onInput={(e) => player.setSpeed(Number((e.target as HTMLInputElement).value))} />
        </label>
        <label>Volume
          <input type="range" min={0} max={1} step={0.05} value={s.volume} aria-label="Volume"
            onInput={(e) => player.setVolume(Number((e.target as HTMLInputElement).value))} />
        </label>
        <label>Sleep timer
          <select aria-label="Sleep timer" value={s.sleep ? (s.sleep.kind === 'chapter' ? 'chapter' : String(s.sleep.minutes)) : ''}
            onChange={(e) => sleep((e.target as HTMLSelectElement).value)}>
            <option value="">Off</option>
            {[1, 5, 10, 15, 30, 45, 60, 90].map((m) => <option value={m}>{m} min</option>)}
            <option value="chapter">End of chapter</option>
          </select>
        </label>
        {s.sleep?.kind === 'minutes' && <p class="muted" data-testid="sleep">Sleeping at {new Date(s.sleep.endsAtMs).toLocaleTimeString()}</p>}
        <label>Skip back
          <select aria-label="Skip back step" value={settings.backSec} onChange={(e) => player.setSettings({ ...settings, backSec: Number((e.target as HTMLSelectElement).value) })}>
            {STEPS.map((n) => <option value={n}>{n} s</option>)}
          </select>
        </label>
        <label>Skip forward
          <select aria-label="Skip forward step" value={settings.forwardSec} onChange={(e) => player.setSettings({ ...settings, forwardSec: Number((e.target as HTMLSelectElement).value) })}>
            {STEPS.map((n) => <option value={n}>{n} s</option>)}
          </select>
        </label>
      </div>
      <h2>Chapters</h2>
      <ol class="chapters">
        {t.chapters.map((c, i) => (
          <li class={i === s.chapterIndex ? 'current' : ''}>
            <button type="button" onClick={() => player.seek(c.startSeconds)}><span>{c.title}</span><span class="muted">{clock(c.startSeconds)}</span></button>
          </li>
        ))}
      </ol>
    </main>
  );
}

function sleep(value: string) {
  if (value === '') player.sleepTimer.cancel();
  else if (value === 'chapter') player.sleepTimer.start({ kind: 'chapter' });
  else player.sleepTimer.start({ kind: 'minutes', minutes: Number(value), endsAtMs: Date.now() + Number(value) * 60_000 });
}

/** The mini player, on every screen while a book is loaded. */
export function MiniPlayer() {
  const s = useValue(player.state);
  const t = player.timelineOf;
  if (!s.book || !t) return null;
  const chapter = t.chapters[s.chapterIndex];
  return (
    <div class="mini" role="region" aria-label="Now playing">
      <div class="mini-progress" aria-hidden="true"><span ref={(el) => { if (el) el.style.width = `${(s.positionSec / Math.max(1, t.durationSec)) * 100}%`; }} /></div>
      <a class="mini-info" href="/player" aria-label="Open the player">
        <img src={s.book.coverUrl ? `${s.book.coverUrl}${s.book.coverUrl.includes('?') ? '&' : '?'}size=256` : '/icon.svg'} alt="" width={44} height={44} />
        <span class="mini-text"><span class="mini-title">{s.book.title}</span><span class="mini-sub">{chapter?.title} · <span data-testid="mini-position">{clock(s.positionSec)}</span></span></span>
      </a>
      <button type="button" aria-label={`Back ${player.settings.get().backSec} seconds`} onClick={() => player.back()}>↺</button>
      <button type="button" class="play" aria-label={s.playing ? 'Pause' : 'Play'} onClick={() => player.toggle()}>{s.playing ? '❚❚' : '▶'}</button>
      <button type="button" aria-label={`Forward ${player.settings.get().forwardSec} seconds`} onClick={() => player.forward()}>↻</button>
    </div>
  );
}

/** "Continue from 3:12:05 — Pixel 8, 2 hours ago?" when another device is further on. */
export function ResumePrompt() {
  const conflict = useValue(listening.conflict);
  if (!conflict) return null;
  const b = conflict.book;
  return (
    <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="resume-title">
      <div class="panel">
        <h2 id="resume-title">Continue from {clock(b.positionSec)}?</h2>
        <p>{b.deviceName ?? 'Another device'} listened there{b.activityAt ? `, ${ago(b.activityAt)}` : ''}. This device is at {clock(conflict.ownPositionSec)}.</p>
        <div class="actions">
          <button type="button" class="primary" autofocus onClick={() => { listening.conflict.set(null); if (player.book?.id === b.bookId) player.seek(b.positionSec); }}>
            Continue from {clock(b.positionSec)}
          </button>
          <button type="button" onClick={() => { listening.conflict.set(null); if (player.book?.id === b.bookId) player.seek(conflict.ownPositionSec); }}>
            Stay at {clock(conflict.ownPositionSec)}
          </button>
        </div>
      </div>
    </div>
  );
}
