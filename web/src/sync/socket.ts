import type { Bookmark, BookPosition } from '../api/types';
import { Value } from '../state';

/**
 * The live connection to /api/v1/ws, signed in by the session cookie: the server's greeting, other devices'
 * positions and presence, bookmark changes, remote control and library news. Reconnects with a growing delay.
 */

export interface Presence { deviceId: string; deviceName: string; bookId: string; state: string; positionSec: number; at: number }
export interface Control { command: 'pause' | 'resume' | 'seek'; positionSec?: number; fromDeviceName?: string }
export interface LibraryNews { libraryId: number; kind: string; bookId?: string; done?: number; total?: number }

export type Push =
  | { type: 'hello'; serverTime: number; version: number; deviceId: string; deviceName: string }
  | { type: 'position'; book: BookPosition }
  | { type: 'discarded'; bookId: string; version: number }
  | ({ type: 'presence' } & Presence)
  | { type: 'bookmark'; bookmark: Bookmark }
  | ({ type: 'control' } & Control)
  | ({ type: 'library' } & LibraryNews);

export class SyncSocket {
  /** This device's id (its session), from the greeting. */
  readonly deviceId = new Value<string | null>(null);
  readonly connected = new Value(false);
  /** What each of the listener's devices is doing, by device id. */
  readonly presence = new Value<ReadonlyMap<string, Presence>>(new Map());
  private socket: WebSocket | null = null;
  private retryMs = 1000;
  private stopped = true;
  private listeners = new Set<(push: Push) => void>();

  onPush(listener: (push: Push) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close(1000);
    this.socket = null;
  }

  send(message: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private open(): void {
    if (this.stopped || !navigator.onLine) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/v1/ws`);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 1000;
      this.connected.set(true);
    };
    socket.onmessage = (m) => this.receive(m.data as string);
    socket.onclose = (e) => {
      this.connected.set(false);
      if (this.socket === socket) this.socket = null;
      if (this.stopped || e.code === 4401) return;
      setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30000);
    };
  }

  private receive(data: string): void {
    let push: Push;
    try {
      push = JSON.parse(data) as Push;
    } catch {
      return;
    }
    if (push.type === 'hello') this.deviceId.set(push.deviceId);
    if (push.type === 'presence') {
      const next = new Map(this.presence.get());
      next.set(push.deviceId, push);
      this.presence.set(next);
    }
    this.listeners.forEach((l) => l(push));
  }
}
