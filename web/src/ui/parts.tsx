import type { ComponentChildren } from 'preact';
import type { BookSummary } from '../api/types';
import { coverUrl } from '../offline/downloads';
import { clock } from '../state';

/** Small pieces the screens share. */

export function Cover({ book, size }: { book: Pick<BookSummary, 'title' | 'coverUrl'>; size: number }) {
  return (
    <div class="cover">
      {book.coverUrl
        ? <img src={coverUrl(book.coverUrl, size <= 256 ? 256 : 512)} alt="" width={size} height={size} loading="lazy" decoding="async" />
        : <span class="cover-fallback" aria-hidden="true">{book.title.slice(0, 1)}</span>}
    </div>
  );
}

export function BookCard({ book, progress }: { book: BookSummary; progress?: number }) {
  return (
    <a class="card" href={`/books/${book.id}`} aria-label={`${book.title} by ${book.authors.join(', ')}`}>
      <Cover book={book} size={256} />
      {progress !== undefined && (
        <div class="bar" role="progressbar" aria-label="Listened" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <span ref={(el) => { if (el) el.style.width = `${Math.min(100, progress * 100)}%`; }} />
        </div>
      )}
      <span class="card-title">{book.title}</span>
      <span class="card-sub">{book.authors.join(', ')}</span>
    </a>
  );
}

export function BookRow({ book }: { book: BookSummary }) {
  return (
    <a class="row" href={`/books/${book.id}`}>
      <Cover book={book} size={56} />
      <span class="row-text">
        <span class="row-title">{book.title}</span>
        <span class="row-sub">{book.authors.join(', ')}{book.series[0] ? ` · ${book.series[0].name} ${book.series[0].sequence ?? ''}` : ''}</span>
      </span>
      <span class="row-meta">{clock(book.durationSeconds)}</span>
    </a>
  );
}

export function Shelf({ title, children, empty }: { title: string; children: ComponentChildren; empty?: boolean }) {
  if (empty) return null;
  return (
    <section class="shelf" aria-label={title}>
      <h2>{title}</h2>
      <div class="shelf-items">{children}</div>
    </section>
  );
}

export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  return <p class="problem" role="alert">{error instanceof Error ? error.message : String(error)}</p>;
}

export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
