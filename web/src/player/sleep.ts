/**
 * The sleep timer: after some minutes, or at the end of the current chapter, playback fades out over the last
 * {@link FADE_SEC} seconds and pauses. Checked on a short interval against the wall clock, so it keeps time when
 * timers are throttled in a background tab.
 */
export const FADE_SEC = 10;

export type SleepMode = { kind: 'minutes'; endsAtMs: number; minutes: number } | { kind: 'chapter' };

export interface SleepSource {
  /** Seconds of listening left before the timer's end (wall-clock for minutes, book time at the speed for a chapter). */
  remainingSec(mode: SleepMode): number;
  setFade(volumeFactor: number): void;
  fallAsleep(): void;
}

export class SleepTimer {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly source: SleepSource, private readonly changed: (mode: SleepMode | null) => void) {}

  start(mode: SleepMode): void {
    this.cancel();
    this.changed(mode);
    this.timer = setInterval(() => this.check(mode), 250);
  }

  cancel(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.source.setFade(1);
    this.changed(null);
  }

  private check(mode: SleepMode): void {
    const left = this.source.remainingSec(mode);
    if (left <= 0) {
      this.source.fallAsleep();
      this.cancel();
      return;
    }
    this.source.setFade(left < FADE_SEC ? left / FADE_SEC : 1);
  }
}
