import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { server, signedIn } from '../../app';
import { Problem } from '../parts';

/** First-run setup (the first administrator) and signing in; the session then lives in an HttpOnly cookie. */
export function SignIn({ setup, message }: { setup: boolean; message?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(message ? new Error(message) : null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (setup) await api('/api/v1/setup', { method: 'POST', body: { username, password } });
      const answer = await api<{ user: User }>('/api/v1/auth/login', {
        method: 'POST', body: { username, password, deviceName: deviceName(), useCookie: true },
      });
      if (setup) server.set({ ...server.get()!, setupRequired: false });
      signedIn(answer.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin">
      <form class="panel" onSubmit={submit} aria-label={setup ? 'Create the administrator' : 'Sign in'}>
        <h1>{setup ? 'Welcome to Cyprus' : `Sign in to ${server.get()?.name ?? 'Cyprus'}`}</h1>
        {setup && <p>This server is new. Choose the name and password of its first administrator.</p>}
        <label>Username<input name="username" autocomplete="username" required value={username}
          onInput={(e) => setUsername((e.target as HTMLInputElement).value)} /></label>
        <label>Password<input name="password" type="password" autocomplete={setup ? 'new-password' : 'current-password'} required
          minLength={setup ? 8 : undefined} value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} /></label>
        <Problem error={error} />
        <button class="primary" type="submit" disabled={busy}>{setup ? 'Create and sign in' : 'Sign in'}</button>
      </form>
    </main>
  );
}

/** What this browser calls itself in the device list ("Chrome on Android"). */
function deviceName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom/.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS/.test(ua) ? 'macOS' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : 'web';
  return `${browser} on ${os}`;
}
