import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { BookSummary, Facet, Library, Page } from '../../api/types';
import { BookCard, Problem } from '../parts';

/** An author's or a series' page: every book of theirs the listener may read (series in reading order). */
export function People({ kind, name }: { kind: 'authors' | 'series'; name: string }) {
  const [books, setBooks] = useState<BookSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    (async () => {
      const facets = await api<Facet[]>(`/api/v1/${kind}?q=${encodeURIComponent(name)}&limit=20`);
      const facet = facets.find((f) => f.name === name) ?? facets[0];
      if (!facet) return [];
      const libraries = await api<Library[]>('/api/v1/libraries');
      const filter = kind === 'authors' ? 'author' : 'series';
      const pages = await Promise.all(libraries.map((l) => api<Page<BookSummary>>(
        `/api/v1/libraries/${l.id}/books?${filter}=${facet.id}&sort=${kind === 'series' ? 'series' : 'title'}&limit=200`)));
      return pages.flatMap((p) => p.items);
    })().then(setBooks, setError);
  }, [kind, name]);
  return (
    <main aria-label={name}>
      <p class="muted">{kind === 'authors' ? 'Author' : 'Series'}</p>
      <h1>{name}</h1>
      <Problem error={error} />
      {books && <p class="muted">{books.length} {books.length === 1 ? 'book' : 'books'}</p>}
      <div class="grid">{books?.map((b) => <BookCard book={b} />)}</div>
    </main>
  );
}
