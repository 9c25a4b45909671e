import type { Book } from '../api/types';
import { Value } from '../state';
import { partUrl } from '../player/player';

/**
 * Books kept for offline listening: the book's description, its cover and every audio file, stored whole in the
 * Cache Storage that the service worker answers from (byte ranges included) when the network is gone.
 */

export const BOOK_CACHE = 'cyprus-books-v1';

export interface Download { id: string; title: string; bytes: number; done: boolean }
export interface DownloadProgress { bookId: string; loadedBytes: number; totalBytes: number }
export interface StorageMeter { usedBytes: number; quotaBytes: number }

const KEY = 'cyprus.downloads';

export class Downloads {
  readonly books = new Value<Download[]>(read());
  readonly progress = new Value<DownloadProgress | null>(null);
  readonly storage = new Value<StorageMeter | null>(null);

  has(bookId: string): boolean {
    return this.books.get().some((d) => d.id === bookId && d.done);
  }

  async download(book: Book): Promise<void> {
    const cache = await caches.open(BOOK_CACHE);
    const totalBytes = book.files.reduce((sum, f) => sum + f.sizeBytes, 0);
    let loadedBytes = 0;
    this.progress.set({ bookId: book.id, loadedBytes, totalBytes });
    await cache.put(`/api/v1/books/${book.id}`, new Response(JSON.stringify(book), { headers: { 'Content-Type': 'application/json' } }));
    if (book.coverUrl) {
      for (const size of [256, 512]) {
        const url = coverUrl(book.coverUrl, size);
        const r = await fetch(url, { credentials: 'same-origin' });
        if (r.ok) await cache.put(url, r);
      }
    }
    for (const file of book.files) {
      const response = await fetch(partUrl(file.id), { credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(`Could not download ${file.name} (HTTP ${response.status}).`);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loadedBytes += value.byteLength;
        this.progress.set({ bookId: book.id, loadedBytes, totalBytes });
      }
      const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? file.mimeType });
      await cache.put(partUrl(file.id), new Response(blob, {
        headers: { 'Content-Type': blob.type, 'Content-Length': String(blob.size), 'Accept-Ranges': 'bytes' },
      }));
    }
    this.save([...this.books.get().filter((d) => d.id !== book.id), { id: book.id, title: book.title, bytes: loadedBytes, done: true }]);
    this.progress.set(null);
    await this.measure();
  }

  async remove(book: Book): Promise<void> {
    const cache = await caches.open(BOOK_CACHE);
    await Promise.all([
      cache.delete(`/api/v1/books/${book.id}`),
      ...book.files.map((f) => cache.delete(partUrl(f.id))),
      ...(book.coverUrl ? [256, 512].map((n) => cache.delete(coverUrl(book.coverUrl!, n))) : []),
    ]);
    this.save(this.books.get().filter((d) => d.id !== book.id));
    await this.measure();
  }

  /** A downloaded book's description, for offline use. */
  async stored(bookId: string): Promise<Book | null> {
    const r = await (await caches.open(BOOK_CACHE)).match(`/api/v1/books/${bookId}`);
    return r ? (await r.json()) as Book : null;
  }

  async measure(): Promise<void> {
    if (!navigator.storage?.estimate) return;
    const e = await navigator.storage.estimate();
    this.storage.set({ usedBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 });
  }

  private save(list: Download[]): void {
    localStorage.setItem(KEY, JSON.stringify(list));
    this.books.set(list);
  }
}

export function coverUrl(url: string, size: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}size=${size}`;
}

function read(): Download[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Download[];
  } catch {
    return [];
  }
}
