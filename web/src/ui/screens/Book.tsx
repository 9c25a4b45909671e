import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Book as BookDto, Bookmark, DevicePosition } from '../../api/types';
import { downloads, listening, loadBook, openInPlayer, player, socket } from '../../app';
import { ago, clock, duration, useValue } from '../../state';
import { bytes, Cover, Problem } from '../parts';

/** A book: cover, metadata, description, chapters, bookmarks, where each device is, downloading, finishing. */
export function Book({ id }: { id: string }) {
  const [book, setBook] = useState<BookDto | null>(null);
  const [devices, setDevices] = useState<DevicePosition[]>([]);
  const [marks, setMarks] = useState<Bookmark[]>([]);
  const [error, setError] = useState<unknown>(null);
  const positions = useValue(listening.positions);
  const presence = useValue(socket.presence);
  const state = useValue(player.state);
  const progress = useValue(downloads.progress);
  const storage = useValue(downloads.storage);
  useValue(downloads.books);
  const position = positions.get(id);

  useEffect(() => {
    setBook(null);
    loadBook(id).then(setBook, setError);
    listening.load(id).then((v) => setDevices(v.devices), () => undefined);
    loadMarks();
    void downloads.measure();
    return socket.onPush((p) => {
      if (p.type === 'bookmark' && p.bookmark.bookId === id) loadMarks();
    });
  }, [id]);

  function loadMarks() {
    api<Bookmark[]>(`/api/v1/me/bookmarks?bookId=${encodeURIComponent(id)}`).then((m) => setMarks(m.filter((b) => !b.deleted)), () => undefined);
  }

  if (error) return <main><Problem error={error} /></main>;
  if (!book) return <main class="muted" role="status">Loading…</main>;
  const current = state.book?.id === book.id;
  const here = current ? state.positionSec : position?.positionSec ?? 0;
  const me = socket.deviceId.get();
  const others = devices.filter((d) => d.deviceId !== me).map((d) => {
    const live = presence.get(d.deviceId);
    return live && live.bookId === id ? { ...d, positionSec: live.positionSec, state: live.state } : d;
  });

  async function play() {
    if (current) player.toggle();
    else await openInPlayer(book!, true);
  }

  async function addBookmark() {
    const at = current ? player.position() : here;
    const mark = { bookId: book!.id, positionSec: at, title: `Bookmark at ${clock(at)}`, deviceTimeMs: Date.now() };
    await api(`/api/v1/me/bookmarks/${crypto.randomUUID()}`, { method: 'PUT', body: mark }).catch(setError);
    loadMarks();
  }

  async function removeBookmark(mark: Bookmark) {
    await api(`/api/v1/me/bookmarks/${encodeURIComponent(mark.id)}`, { method: 'DELETE' }).catch(setError);
    loadMarks();
  }

  async function finish() {
    await listening.record(book!.id, 'finish', book!.durationSeconds, state.speed).catch(setError);
  }

  async function discard() {
    await api(`/api/v1/me/progress/${encodeURIComponent(book!.id)}`, { method: 'DELETE' }).catch(setError);
    listening.forget(book!.id);
    setDevices([]);
  }

  const kept = downloads.has(book.id);
  const downloading = progress?.bookId === book.id ? progress : null;
  return (
    <main class="book" aria-label={book.title}>
      <div class="book-head">
        <Cover book={book} size={512} />
        <div class="book-facts">
          <h1>{book.title}</h1>
          {book.subtitle && <p class="subtitle">{book.subtitle}</p>}
          <p>by {book.authors.map((a, i) => <>{i > 0 && ', '}<a href={`/authors?name=${encodeURIComponent(a)}`}>{a}</a></>)}</p>
          {book.narrators.length > 0 && <p>read by {book.narrators.join(', ')}</p>}
          {book.series.map((s) => <p><a href={`/series?name=${encodeURIComponent(s.name)}`}>{s.name}</a>{s.sequence ? `, book ${s.sequence}` : ''}</p>)}
          <p class="muted">{[duration(book.durationSeconds), book.year, book.genres.join(', '), book.publisher].filter(Boolean).join(' · ')}</p>
          {position && position.positionSec > 0 && (
            <p class="muted" data-testid="book-position">{position.finished ? 'Finished' : `At ${clock(position.positionSec)}`}
              {position.deviceName ? ` on ${position.deviceName}` : ''}</p>
          )}
          <div class="actions">
            <button class="primary" type="button" onClick={play}>{current && state.playing ? 'Pause' : here > 0 ? `Resume at ${clock(here)}` : 'Play'}</button>
            <button type="button" onClick={addBookmark}>Add bookmark</button>
            {kept
              ? <button type="button" onClick={() => downloads.remove(book).catch(setError)}>Remove download</button>
              : <button type="button" disabled={!!downloading} onClick={() => downloads.download(book).catch(setError)}>Download</button>}
            <button type="button" onClick={finish}>Mark finished</button>
            <button type="button" onClick={discard}>Discard progress</button>
          </div>
          {downloading && (
            <label class="meter">Downloading {bytes(downloading.loadedBytes)} of {bytes(downloading.totalBytes)}
              <progress max={downloading.totalBytes} value={downloading.loadedBytes} /></label>
          )}
          {kept && <p class="muted" data-testid="downloaded">Downloaded: plays offline.</p>}
          {storage && <p class="muted">Storage: {bytes(storage.usedBytes)} used of {bytes(storage.quotaBytes)}</p>}
        </div>
      </div>
      {book.description && <section aria-label="Description"><h2>About</h2><p class="description">{book.description}</p></section>}
      {others.length > 0 && (
        <section aria-label="Other devices">
          <h2>On your other devices</h2>
          <ul class="plain" data-testid="devices">
            {others.map((d) => <li>{d.deviceName}: {d.state === 'playing' ? 'playing at' : 'at'} <span data-testid="device-position">{clock(d.positionSec)}</span>, {ago(d.lastListenedAt)}</li>)}
          </ul>
        </section>
      )}
      <section aria-label="Chapters">
        <h2>Chapters</h2>
        <ol class="chapters">
          {book.chapters.map((c, i) => (
            <li class={current && state.chapterIndex === i ? 'current' : ''}>
              <button type="button" onClick={async () => { if (!current) await openInPlayer(book, false); player.seek(c.startSeconds); void player.play(); }}>
                <span>{c.title}</span><span class="muted">{clock(c.startSeconds)}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Bookmarks">
        <h2>Bookmarks</h2>
        {marks.length === 0 && <p class="muted">None yet.</p>}
        <ul class="plain bookmarks">
          {marks.sort((a, b) => a.positionSec - b.positionSec).map((m) => (
            <li>
              <button type="button" onClick={async () => { if (!current) await openInPlayer(book, false); player.seek(m.positionSec); }}>{m.title}</button>
              <button type="button" class="quiet" aria-label={`Delete ${m.title}`} onClick={() => removeBookmark(m)}>Delete</button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
