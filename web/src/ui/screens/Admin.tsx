import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Library, ScanStatus, User } from '../../api/types';
import { libraryNews, server } from '../../app';
import { useValue } from '../../state';
import { bytes, Problem } from '../parts';

/** Administration: accounts and their access, libraries and scans with live progress, uploads, server facts. */
export function Admin() {
  const [users, setUsers] = useState<User[]>([]);
  const [libraries, setLibraries] = useState<Library[]>([]);
  const [error, setError] = useState<unknown>(null);
  const loadUsers = () => api<User[]>('/api/v1/users').then(setUsers, setError);
  const loadLibraries = () => api<Library[]>('/api/v1/libraries').then(setLibraries, setError);
  useEffect(() => { void loadUsers(); void loadLibraries(); }, []);
  const info = useValue(server);

  async function patch(user: User, change: Partial<User>) {
    await api(`/api/v1/users/${user.id}`, { method: 'PATCH', body: change }).catch(setError);
    await loadUsers();
  }

  async function create(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    try {
      await api('/api/v1/users', { method: 'POST', body: { username: form.get('username'), password: form.get('password'), role: form.get('role') } });
      (e.target as HTMLFormElement).reset();
      await loadUsers();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <main class="admin" aria-label="Administration">
      <h1>Administration</h1>
      <Problem error={error} />
      <section aria-label="Server">
        <h2>Server</h2>
        <p>{info?.name} · Cyprus {info?.version}</p>
      </section>
      <section aria-label="Libraries">
        <h2>Libraries</h2>
        {libraries.map((l) => <LibraryPanel library={l} onChanged={loadLibraries} />)}
      </section>
      <section aria-label="Accounts">
        <h2>Accounts</h2>
        <table class="users">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Downloads</th><th scope="col">Active</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.username}</td>
                <td><select aria-label={`Role of ${u.username}`} value={u.role} onChange={(e) => patch(u, { role: (e.target as HTMLSelectElement).value as User['role'] })}>
                  <option value="admin">admin</option><option value="user">user</option><option value="guest">guest</option></select></td>
                <td><input type="checkbox" aria-label={`${u.username} may download`} checked={u.canDownload} onChange={() => patch(u, { canDownload: !u.canDownload })} /></td>
                <td><input type="checkbox" aria-label={`${u.username} is active`} checked={u.active} onChange={() => patch(u, { active: !u.active })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <form class="inline" onSubmit={create} aria-label="New account">
          <input name="username" aria-label="New username" placeholder="Username" required />
          <input name="password" type="password" aria-label="New password" placeholder="Password" required minLength={8} autocomplete="new-password" />
          <select name="role" aria-label="New account's role"><option value="user">user</option><option value="guest">guest</option><option value="admin">admin</option></select>
          <button type="submit">Add account</button>
        </form>
      </section>
    </main>
  );
}

interface Sending { name: string; size: number; sent: number }

function LibraryPanel({ library, onChanged }: { library: Library; onChanged: () => void }) {
  const [scan, setScan] = useState<ScanStatus | null>(null);
  const [sending, setSending] = useState<Sending[]>([]);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const news = useValue(libraryNews);
  const load = () => api<ScanStatus>(`/api/v1/libraries/${library.id}/scan`).then(setScan, setError);
  useEffect(() => { void load(); }, [library.id]);
  useEffect(() => {
    if (news?.libraryId !== library.id) return;
    if (news.kind === 'scanProgress' && news.total !== undefined) {
      setScan((s) => ({ ...(s ?? { scope: null, filesProbed: 0, lastReport: null }), running: true, foldersDone: news.done ?? 0, foldersFound: news.total ?? 0 }));
    } else {
      void load();
      if (news.kind === 'scanFinished' || news.kind === 'bookAdded') onChanged();
    }
  }, [news]);

  function upload(files: File[]) {
    if (files.length === 0) return;
    const form = new FormData();
    files.forEach((f) => {
      form.append('path', (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name);
      form.append('files', f, f.name);
    });
    setSending(files.map((f) => ({ name: f.name, size: f.size, sent: 0 })));
    setResult(null);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/libraries/${library.id}/uploads`);
    xhr.setRequestHeader('X-Cyprus-CSRF', '1');
    xhr.upload.onprogress = (e) => {
      // The files travel in order in one request: the bytes sent so far fill them one after another.
      let left = e.loaded;
      setSending(files.map((f) => { const sent = Math.min(f.size, Math.max(0, left)); left -= f.size; return { name: f.name, size: f.size, sent }; }));
    };
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as { folder?: string; error?: { message: string } };
      setResult(xhr.status < 300 ? `Uploaded to ${body.folder ?? 'the library'}; scanning.` : body.error?.message ?? `Upload failed (${xhr.status}).`);
      setSending((s) => s.map((f) => ({ ...f, sent: f.size })));
      void load();
    };
    xhr.onerror = () => setResult('The upload could not reach the server.');
    xhr.send(form);
  }

  const running = scan?.running;
  return (
    <div class="panel library-panel" data-library={library.id}>
      <h3>{library.name}</h3>
      <p class="muted">{library.bookCount} books{library.folders ? ' · ' + library.folders.join(', ') : ''}</p>
      <Problem error={error} />
      {running
        ? <label class="meter">Scanning: {scan!.foldersDone} of {scan!.foldersFound} folders<progress max={Math.max(1, scan!.foldersFound)} value={scan!.foldersDone} /></label>
        : scan?.lastReport && <p class="muted">Last scan: {scan.lastReport.added} added, {scan.lastReport.updated} updated, {scan.lastReport.missing} missing.</p>}
      <button type="button" disabled={running} onClick={() => api(`/api/v1/libraries/${library.id}/scan`, { method: 'POST' }).then(load, setError)}>Scan now</button>
      <div class={over ? 'drop over' : 'drop'} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); upload([...(e.dataTransfer?.files ?? [])]); }}>
        <p>Drop a book's files here, or</p>
        <label class="button">Choose files<input type="file" multiple class="visually-hidden" aria-label={`Upload a book to ${library.name}`}
          onChange={(e) => upload([...((e.target as HTMLInputElement).files ?? [])])} /></label>
      </div>
      {sending.length > 0 && (
        <ul class="plain uploads">
          {sending.map((f) => <li><label class="meter">{f.name} · {bytes(f.size)}<progress max={Math.max(1, f.size)} value={f.sent} /></label></li>)}
        </ul>
      )}
      {result && <p role="status" data-testid="upload-result">{result}</p>}
    </div>
  );
}
