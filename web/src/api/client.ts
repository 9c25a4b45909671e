/**
 * The one way the app talks to the server: same-origin fetches signed in by the HttpOnly session cookie, with the
 * anti-CSRF header on state changes, one silent refresh when the access cookie has expired, and failures as
 * {@link ApiError} carrying the server's error code.
 */

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly body?: unknown) {
    super(message);
  }
}

/** Thrown when the server cannot be reached at all (offline, or the server is down). */
export class OfflineError extends Error {}

let refreshing: Promise<boolean> | null = null;
let reachability: (reachable: boolean) => void = () => undefined;

/** Tells {@code listener} whenever the server turns out to be reachable or not (navigator.onLine can be wrong). */
export function onReachability(listener: (reachable: boolean) => void): void {
  reachability = listener;
}
const signedOutListeners: Array<() => void> = [];

/** Called when a refresh fails: the session is gone and the user must sign in again. */
export function onSignedOut(listener: () => void): void {
  signedOutListeners.push(listener);
}

/** Swaps the refresh cookie for fresh cookies; one at a time. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/v1/auth/refresh', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Cyprus-CSRF': '1' }, body: '{"useCookie":true}',
    credentials: 'same-origin',
  }).then((r) => r.ok, () => false).finally(() => { refreshing = null; });
  return refreshing;
}

export interface RequestOptions { method?: string; body?: unknown; signal?: AbortSignal; raw?: BodyInit; headers?: Record<string, string> }

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET' && method !== 'HEAD') headers['X-Cyprus-CSRF'] = '1';
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    const response = await fetch(path, { method, headers, body, signal: options.signal, credentials: 'same-origin' });
    reachability(true);
    return response;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    reachability(false);
    throw new OfflineError('The server cannot be reached.');
  }
}

/** Calls the API and answers the parsed JSON (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !path.startsWith('/api/v1/auth/')) {
    if (await refreshSession()) {
      response = await send(path, options);
    }
    if (response.status === 401) signedOutListeners.forEach((l) => l());
  }
  const text = response.status === 204 ? '' : await response.text();
  const json = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'http_' + response.status, error?.message ?? response.statusText, json);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Query string from the defined values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
