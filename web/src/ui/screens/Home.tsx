import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { BookPosition, BookSummary, Library, Page } from '../../api/types';
import { downloads, online } from '../../app';
import { useValue } from '../../state';
import { BookCard, Problem, Shelf } from '../parts';

interface Shelves { continuing: Array<[BookSummary, BookPosition]>; recent: BookSummary[]; finished: BookSummary[]; next: BookSummary[] }

/** Home: continue listening (with progress), next in the series being listened to, recently added, recently finished. */
export function Home() {
  const [shelves, setShelves] = useState<Shelves | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isOnline = useValue(online);
  const kept = useValue(downloads.books);

  useEffect(() => {
    if (!isOnline) return;
    load().then(setShelves, setError);
  }, [isOnline]);

  if (!isOnline) {
    return (
      <main class="home" aria-label="Home">
        <h1>Offline</h1>
        <p>Downloaded books play without a network; your listening is sent when you are back online.</p>
        <Shelf title="Downloaded" empty={kept.length === 0}>
          {kept.map((d) => <a class="chip" href={`/books/${d.id}`}>{d.title}</a>)}
        </Shelf>
      </main>
    );
  }
  return (
    <main class="home" aria-label="Home">
      <h1 class="visually-hidden">Home</h1>
      <Problem error={error} />
      {shelves === null && <p class="muted" role="status">Loading…</p>}
      {shelves && (
        <>
          <Shelf title="Continue listening" empty={shelves.continuing.length === 0}>
            {shelves.continuing.map(([b, p]) => <BookCard book={b} progress={b.durationSeconds ? p.positionSec / b.durationSeconds : 0} />)}
          </Shelf>
          <Shelf title="Next in your series" empty={shelves.next.length === 0}>
            {shelves.next.map((b) => <BookCard book={b} />)}
          </Shelf>
          <Shelf title="Recently added" empty={shelves.recent.length === 0}>
            {shelves.recent.map((b) => <BookCard book={b} />)}
          </Shelf>
          <Shelf title="Recently finished" empty={shelves.finished.length === 0}>
            {shelves.finished.map((b) => <BookCard book={b} />)}
          </Shelf>
          {shelves.recent.length === 0 && <p>No books yet. <a href="/library">Open the library</a>.</p>}
        </>
      )}
    </main>
  );
}

async function load(): Promise<Shelves> {
  const [libraries, progress, finishedPositions] = await Promise.all([
    api<Library[]>('/api/v1/libraries'),
    api<BookPosition[]>('/api/v1/me/progress'),
    api<BookPosition[]>('/api/v1/me/progress?finished=true'),
  ]);
  const pages = await Promise.all(libraries.map((l) => api<Page<BookSummary>>(`/api/v1/libraries/${l.id}/books?sort=added&order=desc&limit=12`)));
  const recent = pages.flatMap((p) => p.items).sort((a, b) => b.addedAt - a.addedAt).slice(0, 12);
  const summaries = async (ids: string[]) => (await Promise.all(ids.slice(0, 12).map((id) =>
    api<BookSummary>(`/api/v1/books/${id}`).catch(() => null)))).filter((b): b is BookSummary => b !== null);
  const continuingBooks = await summaries(progress.map((p) => p.bookId));
  const continuing = continuingBooks.map((b) => [b, progress.find((p) => p.bookId === b.id)!] as [BookSummary, BookPosition]);
  const finished = await summaries(finishedPositions.map((p) => p.bookId));
  const next = await nextInSeries([...continuingBooks, ...finished], libraries, new Set([...progress, ...finishedPositions].map((p) => p.bookId)));
  return { continuing, recent, finished, next };
}

/** For each series being listened to, the first book after the ones started or finished. */
async function nextInSeries(books: BookSummary[], libraries: Library[], seen: Set<string>): Promise<BookSummary[]> {
  const out: BookSummary[] = [];
  const names = [...new Set(books.flatMap((b) => b.series.map((s) => s.name)))].slice(0, 6);
  for (const name of names) {
    const facets = await api<Array<{ id: number; name: string }>>(`/api/v1/series?q=${encodeURIComponent(name)}&limit=5`);
    const facet = facets.find((f) => f.name === name);
    if (!facet) continue;
    for (const l of libraries) {
      const page = await api<Page<BookSummary>>(`/api/v1/libraries/${l.id}/books?series=${facet.id}&sort=series&limit=50`);
      const candidate = page.items.find((b) => !seen.has(b.id));
      if (candidate && !out.some((b) => b.id === candidate.id)) out.push(candidate);
    }
  }
  return out;
}
