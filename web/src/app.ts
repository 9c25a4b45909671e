import { api, ApiError, OfflineError, onReachability, onSignedOut, refreshSession } from './api/client';
import type { Book, ServerInfo, User } from './api/types';
import { Downloads } from './offline/downloads';
import { connectKeys } from './player/keys';
import { connectMediaSession } from './player/mediaSession';
import { Player } from './player/player';
import { Value } from './state';
import { Listening } from './sync/listening';
import { SyncSocket, type LibraryNews } from './sync/socket';

/** The app's services, made once: who is signed in, the player, listening sync, the live socket, downloads. */

export type Session = { kind: 'loading' } | { kind: 'setup' } | { kind: 'signedOut'; message?: string } | { kind: 'signedIn'; user: User };

export const server = new Value<ServerInfo | null>(null);
export const session = new Value<Session>({ kind: 'loading' });
export const online = new Value<boolean>(navigator.onLine);
export const libraryNews = new Value<LibraryNews | null>(null);
export const listening = new Listening();
export const socket = new SyncSocket();
export const downloads = new Downloads();
export const player = new Player((book, action, positionSec, speed, leaving) => {
  if (leaving) listening.beacon(book.id, action, positionSec, speed);
  else listening.record(book.id, action, positionSec, speed).catch(() => undefined);
});

const USER_KEY = 'cyprus.user';

/** Starts the app: finds the server's state and the signed-in user (the last one known, offline). */
export async function start(): Promise<void> {
  connectMediaSession(player);
  connectKeys(player);
  wireSync();
  window.addEventListener('online', () => { online.set(true); void listening.flush(); socket.start(); });
  window.addEventListener('offline', () => online.set(false));
  window.addEventListener('pagehide', () => player.leave());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && player.book && player.state.get().playing) {
      listening.beacon(player.book.id, 'progress', player.position(), player.state.get().speed);
    }
  });
  onSignedOut(() => signedOut());
  onReachability((reachable) => {
    if (reachable && !online.get()) void listening.flush();
    online.set(reachable);
  });
  try {
    const info = await api<ServerInfo>('/api/v1/server');
    server.set(info);
    if (info.setupRequired) {
      session.set({ kind: 'setup' });
      return;
    }
    if (!localStorage.getItem(USER_KEY)) {
      // Nobody has signed in from this browser (or they signed out): no need to ask, and no 401 to log.
      session.set({ kind: 'signedOut' });
      return;
    }
    const user = await api<User>('/api/v1/me');
    signedIn(user);
  } catch (e) {
    const known = localStorage.getItem(USER_KEY);
    if (e instanceof OfflineError && known) {
      session.set({ kind: 'signedIn', user: JSON.parse(known) as User });
    } else {
      session.set({ kind: 'signedOut' });
    }
  }
}

export function signedIn(user: User): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  session.set({ kind: 'signedIn', user });
  socket.start();
  void listening.flush();
  // The access cookie lives 15 minutes; swap it well before, so media requests never meet an expired one.
  setInterval(() => { if (navigator.onLine) void refreshSession(); }, 10 * 60_000);
}

export function signedOut(message?: string): void {
  localStorage.removeItem(USER_KEY);
  socket.stop();
  player.pause();
  session.set({ kind: 'signedOut', message });
}

export async function signOut(): Promise<void> {
  try {
    await api('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    signedOut();
  }
}

/** A book: from the server, else from the offline copy. */
export async function loadBook(id: string): Promise<Book> {
  try {
    return await api<Book>(`/api/v1/books/${encodeURIComponent(id)}`);
  } catch (e) {
    const stored = e instanceof OfflineError ? await downloads.stored(id) : null;
    if (stored) return stored;
    throw e;
  }
}

/**
 * Opens a book in the player at the listener's position. When another device is further on than this one was, the
 * resume prompt offers to continue from there.
 */
export async function openInPlayer(book: Book, play: boolean): Promise<void> {
  let start = Number(localStorage.getItem('cyprus.pos.' + book.id) ?? NaN);
  try {
    const view = await listening.load(book.id);
    const me = await deviceId();
    const own = view.devices.find((d) => d.deviceId === me);
    const mine = own?.positionSec ?? (Number.isNaN(start) ? undefined : start);
    const bookPos = view.book.positionSec;
    if (mine === undefined) {
      start = bookPos;
    } else {
      start = mine;
      if (view.book.deviceId && view.book.deviceId !== me && Math.abs(bookPos - mine) > 5 && !view.book.finished) {
        listening.conflict.set({ book: view.book, ownPositionSec: mine });
      }
    }
  } catch (e) {
    if (!(e instanceof OfflineError) && !(e instanceof ApiError)) throw e;
  }
  player.load(book, Number.isNaN(start) ? 0 : start, play);
}

function wireSync(): void {
  player.state.subscribe((s) => {
    // Only this device's own listening; a position followed from another device is not ours.
    if (s.book && s.playing) localStorage.setItem('cyprus.pos.' + s.book.id, String(Math.round(s.positionSec)));
  });
  socket.onPush((push) => {
    switch (push.type) {
      case 'position': {
        // A push older than what this client knows (another device's move overtook it) must not pull the player back.
        const news = listening.learn(push.book);
        const me = socket.deviceId.get();
        if (news && player.book?.id === push.book.bookId && push.book.deviceId !== me) player.follow(push.book.positionSec);
        break;
      }
      case 'discarded':
        listening.forget(push.bookId);
        break;
      case 'control':
        if (push.command === 'pause') player.pause();
        else if (push.command === 'resume') void player.play();
        else if (push.command === 'seek' && push.positionSec !== undefined) player.seek(push.positionSec);
        break;
      case 'library':
        libraryNews.set(push);
        break;
      default:
        break;
    }
  });
}

/** This device's id, from the socket's greeting (waiting a moment for it after a start). */
async function deviceId(): Promise<string | null> {
  for (let i = 0; i < 20 && socket.deviceId.get() === null && navigator.onLine; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return socket.deviceId.get();
}
