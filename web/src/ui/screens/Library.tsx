import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../../api/client';
import type { BookSummary, Facet, Library as LibraryDto, Page } from '../../api/types';
import { libraryNews } from '../../app';
import { useValue } from '../../state';
import { navigate, type Location } from '../router';
import { BookCard, BookRow, Problem } from '../parts';

const FILTERS = ['author', 'narrator', 'series', 'genre'] as const;
const FACET_ROUTE: Record<(typeof FILTERS)[number], string> = { author: 'authors', narrator: 'narrators', series: 'series', genre: 'genres' };

/** The library: a cover grid or a list, sorted, filtered, searched as you type, loaded page by page as you scroll. */
export function Library({ location }: { location: Location }) {
  const params = location.query;
  const [libraries, setLibraries] = useState<LibraryDto[] | null>(null);
  const [facets, setFacets] = useState<Record<string, Facet[]>>({});
  const [items, setItems] = useState<BookSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState(params.get('q') ?? '');
  const sentinel = useRef<HTMLDivElement>(null);
  const news = useValue(libraryNews);
  const view = params.get('view') ?? localStorage.getItem('cyprus.view') ?? 'grid';
  const libraryId = params.get('library') ?? (libraries?.[0] ? String(libraries[0].id) : null);
  const key = [libraryId, params.get('q'), params.get('sort'), params.get('order'), ...FILTERS.map((f) => params.get(f))].join('|');

  useEffect(() => {
    api<LibraryDto[]>('/api/v1/libraries').then(setLibraries, setError);
    Promise.all(FILTERS.map((f) => api<Facet[]>(`/api/v1/${FACET_ROUTE[f]}?limit=200`).catch(() => [] as Facet[])))
      .then((lists) => setFacets(Object.fromEntries(FILTERS.map((f, i) => [f, lists[i]]))));
  }, []);

  async function page(from: string | null, replace: boolean) {
    if (!libraryId) return;
    setLoading(true);
    try {
      const q = params.get('q');
      const result = await api<Page<BookSummary>>(`/api/v1/libraries/${libraryId}/books` + query({
        q, sort: params.get('sort') ?? (q ? 'relevance' : 'title'), order: params.get('order'), limit: 48, cursor: from,
        ...Object.fromEntries(FILTERS.map((f) => [f, params.get(f)])),
      }));
      setItems((old) => (replace ? result.items : [...old, ...result.items]));
      setCursor(result.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => { void page(null, true); }, [key]);
  useEffect(() => { if (news?.kind === 'scanFinished' || news?.kind === 'bookAdded') void page(null, true); }, [news]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !loading) void page(cursor, false);
    }, { rootMargin: '600px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [cursor, loading]);

  // Search as you type: the address follows the box a moment after the last key.
  useEffect(() => {
    if ((params.get('q') ?? '') === text) return;
    const t = setTimeout(() => set('q', text), 200);
    return () => clearTimeout(t);
  }, [text]);

  function set(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate('/library' + (next.toString() ? '?' + next : ''), true);
  }

  return (
    <main class="library" aria-label="Library">
      <h1 class="visually-hidden">Library</h1>
      <div class="toolbar">
        <input type="search" class="search" placeholder="Search titles, people, series" aria-label="Search the library"
          value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        {libraries && libraries.length > 1 && (
          <select aria-label="Library" value={libraryId ?? ''} onChange={(e) => set('library', (e.target as HTMLSelectElement).value)}>
            {libraries.map((l) => <option value={l.id}>{l.name}</option>)}
          </select>
        )}
        <select aria-label="Sort by" value={params.get('sort') ?? ''} onChange={(e) => set('sort', (e.target as HTMLSelectElement).value)}>
          <option value="">{params.get('q') ? 'Best match' : 'Title'}</option>
          <option value="title">Title</option><option value="author">Author</option><option value="series">Series</option>
          <option value="added">Recently added</option><option value="duration">Length</option>
        </select>
        <button type="button" aria-label={view === 'grid' ? 'Show as a list' : 'Show as a grid'}
          onClick={() => { const v = view === 'grid' ? 'list' : 'grid'; localStorage.setItem('cyprus.view', v); set('view', v); }}>
          {view === 'grid' ? 'List' : 'Grid'}
        </button>
      </div>
      <div class="filters">
        {FILTERS.map((f) => (
          <select aria-label={`Filter by ${f}`} value={params.get(f) ?? ''} onChange={(e) => set(f, (e.target as HTMLSelectElement).value)}>
            <option value="">{`Any ${f}`}</option>
            {(facets[f] ?? []).map((x) => <option value={x.id}>{x.name} ({x.bookCount})</option>)}
          </select>
        ))}
      </div>
      <Problem error={error} />
      <div class={view === 'grid' ? 'grid' : 'list'} aria-live="polite" aria-busy={loading}>
        {items.map((b) => (view === 'grid' ? <BookCard book={b} /> : <BookRow book={b} />))}
      </div>
      {!loading && items.length === 0 && !error && <p class="muted">No books match.</p>}
      <div ref={sentinel} class="sentinel" />
      {loading && <p class="muted" role="status">Loading…</p>}
    </main>
  );
}
