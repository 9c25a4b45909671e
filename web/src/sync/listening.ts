import { api, ApiError, OfflineError } from '../api/client';
import type { BookPosition, DevicePosition } from '../api/types';
import { Value } from '../state';

/**
 * Listening events as the server's listening API defines them (PUT /api/v1/me/progress/{bookId}): each carries the
 * device's sequence number and the version of the book position this device last saw. Events that cannot be sent
 * (offline) are kept in local storage with the device's clock and sent later as one batch
 * (POST /api/v1/me/progress/events). A 409 answer is a conflict: another device moved the book since.
 */

export type ListeningAction = 'play' | 'progress' | 'pause' | 'seek' | 'finish' | 'reset';

export interface ListeningEvent {
  bookId: string; action: ListeningAction; positionSec: number; seq: number; baseVersion: number;
  deviceTimeMs: number; speed: number;
}

/** Another device is further on: where the book stands, which device moved it, and when. */
export interface Conflict { book: BookPosition; ownPositionSec: number }

const SEQ_KEY = 'cyprus.seq';
const QUEUE_KEY = 'cyprus.queue';

export class Listening {
  /** The latest known position of each book, from answers and from other devices' pushes. */
  readonly positions = new Value<ReadonlyMap<string, BookPosition>>(new Map());
  /** A conflict to offer the listener ("Continue from 3:12:05 — Pixel 8, 2 hours ago?"). */
  readonly conflict = new Value<Conflict | null>(null);
  /** Events waiting to be sent. */
  readonly queued = new Value<number>(this.readQueue().length);
  private flushing: Promise<void> | null = null;

  /** What the server knows of a book: its position and every device's record of it. */
  async load(bookId: string): Promise<{ book: BookPosition; devices: DevicePosition[] }> {
    const view = await api<{ book: BookPosition; devices: DevicePosition[] }>(`/api/v1/me/progress/${encodeURIComponent(bookId)}`);
    this.learn(view.book);
    return view;
  }

  /** Records one listening event; kept for later when the server cannot be reached. */
  async record(bookId: string, action: ListeningAction, positionSec: number, speed: number): Promise<void> {
    const event = this.event(bookId, action, positionSec, speed);
    if (this.readQueue().length > 0 || !navigator.onLine) {
      this.enqueue(event);
      void this.flush();
      return;
    }
    try {
      const answer = await api<{ book: BookPosition }>(`/api/v1/me/progress/${encodeURIComponent(bookId)}`, {
        method: 'PUT', body: wire(event, false),
      });
      this.learn(answer.book);
    } catch (e) {
      if (e instanceof OfflineError) {
        this.enqueue(event);
      } else if (e instanceof ApiError && e.status === 409) {
        const book = (e.body as { book: BookPosition }).book;
        this.learn(book);
        this.conflict.set({ book, ownPositionSec: positionSec });
      } else {
        throw e;
      }
    }
  }

  /** Sends a last event while the page goes away (the request outlives the page). */
  beacon(bookId: string, action: ListeningAction, positionSec: number, speed: number): void {
    const event = this.event(bookId, action, positionSec, speed);
    if (!navigator.onLine) {
      this.enqueue(event);
      return;
    }
    void fetch(`/api/v1/me/progress/${encodeURIComponent(bookId)}`, {
      method: 'PUT', keepalive: true, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Cyprus-CSRF': '1' }, body: JSON.stringify(wire(event, false)),
    }).catch(() => this.enqueue(event));
  }

  /** Sends the events kept offline as one batch, in the order they happened. */
  flush(): Promise<void> {
    this.flushing ??= this.sendQueue().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  private async sendQueue(): Promise<void> {
    const events = this.readQueue();
    if (events.length === 0) return;
    try {
      const answer = await api<{ books: BookPosition[] }>('/api/v1/me/progress/events', {
        method: 'POST', body: { events: events.map((e) => wire(e, true)), deviceNowMs: Date.now() },
      });
      const remaining = this.readQueue().slice(events.length);
      this.writeQueue(remaining);
      answer.books.forEach((b) => this.learn(b));
    } catch (e) {
      if (!(e instanceof OfflineError)) {
        // The server refused the batch (it says why); keeping it would refuse every later event too.
        this.writeQueue(this.readQueue().slice(events.length));
      }
    }
  }

  /**
   * Takes in a book position from an answer or a push; older versions are ignored (two devices' moves pushed at once
   * may arrive in either order). Whether it was news: a version this client had not seen yet.
   */
  learn(book: BookPosition): boolean {
    const known = this.positions.get().get(book.bookId);
    if (known && known.version > book.version) return false;
    const next = new Map(this.positions.get());
    next.set(book.bookId, book);
    this.positions.set(next);
    return !known || known.version < book.version;
  }

  /** Forgets a book's position (progress discarded here or on another device). */
  forget(bookId: string): void {
    const next = new Map(this.positions.get());
    next.delete(bookId);
    this.positions.set(next);
  }

  private event(bookId: string, action: ListeningAction, positionSec: number, speed: number): ListeningEvent {
    const seq = Number(localStorage.getItem(SEQ_KEY) ?? '0') + 1;
    localStorage.setItem(SEQ_KEY, String(seq));
    const baseVersion = this.positions.get().get(bookId)?.version ?? 0;
    return { bookId, action, positionSec: Math.max(0, positionSec), seq, baseVersion, deviceTimeMs: Date.now(), speed };
  }

  private enqueue(event: ListeningEvent): void {
    this.writeQueue([...this.readQueue(), event]);
  }

  private readQueue(): ListeningEvent[] {
    try {
      return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as ListeningEvent[];
    } catch {
      return [];
    }
  }

  private writeQueue(events: ListeningEvent[]): void {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(events.slice(-1000)));
    this.queued.set(events.length);
  }
}

function wire(e: ListeningEvent, withBook: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    action: e.action, positionSec: Math.round(e.positionSec * 1000) / 1000, seq: e.seq, baseVersion: e.baseVersion,
    speed: e.speed, deviceTimeMs: e.deviceTimeMs,
  };
  if (withBook) out.bookId = e.bookId;
  return out;
}
