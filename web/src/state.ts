import { useEffect, useState } from 'preact/hooks';

/** A value that screens can watch: set it and every component that uses it renders again. */
export class Value<T> {
  private listeners = new Set<(value: T) => void>();

  constructor(private current: T) {}

  get(): T {
    return this.current;
  }

  set(next: T): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    this.listeners.forEach((l) => l(next));
  }

  update(change: (value: T) => T): void {
    this.set(change(this.current));
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The current value of {@code value}, re-rendering the component when it changes. */
export function useValue<T>(value: Value<T>): T {
  const [, setTick] = useState(0);
  const shown = value.get();
  useEffect(() => {
    const unsubscribe = value.subscribe(() => setTick((t) => t + 1));
    // A change between rendering and subscribing (an answer that came first) would otherwise be missed.
    if (!Object.is(value.get(), shown)) setTick((t) => t + 1);
    return unsubscribe;
  }, [value]);
  return shown;
}

/** Formats seconds as h:mm:ss or m:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Formats a duration in words: "3 h 12 min", "12 min", "40 s". */
export function duration(seconds: number): string {
  const m = Math.round(seconds / 60);
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "2 hours ago", "just now". */
export function ago(epochMs: number, nowMs = Date.now()): string {
  const s = Math.max(0, (nowMs - epochMs) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} days ago`;
}
