import { session, online, signOut } from '../app';
import { useValue } from '../state';
import { location$, match } from './router';
import { Admin } from './screens/Admin';
import { Book } from './screens/Book';
import { Devices } from './screens/Devices';
import { Home } from './screens/Home';
import { Library } from './screens/Library';
import { People } from './screens/People';
import { MiniPlayer, Player, ResumePrompt } from './screens/Player';
import { SignIn } from './screens/SignIn';
import { Stats } from './screens/Stats';

/** The app's frame: navigation, the screen for the address, the mini player and the resume prompt. */
export function App() {
  const s = useValue(session);
  const location = useValue(location$);
  const isOnline = useValue(online);
  if (s.kind === 'loading') return <div class="boot" role="status">Cyprus</div>;
  if (s.kind === 'setup') return <SignIn setup />;
  if (s.kind === 'signedOut') return <SignIn setup={false} message={s.message} />;
  const admin = s.user.role === 'admin';
  const path = location.path;
  let screen;
  let params: Record<string, string> | null;
  if (path === '/' || path === '/index.html') screen = <Home />;
  else if (path === '/library') screen = <Library location={location} />;
  else if ((params = match('/books/:id', path))) screen = <Book id={params.id} />;
  else if (path === '/authors') screen = <People kind="authors" name={location.query.get('name') ?? ''} />;
  else if (path === '/series') screen = <People kind="series" name={location.query.get('name') ?? ''} />;
  else if (path === '/player') screen = <Player />;
  else if (path === '/devices') screen = <Devices />;
  else if (path === '/stats') screen = <Stats />;
  else if (path === '/admin' && admin) screen = <Admin />;
  else screen = <main><h1>Not found</h1><p><a href="/">Go home</a>.</p></main>;
  return (
    <>
      <a class="skip" href="#content">Skip to content</a>
      <header class="top">
        <a class="brand" href="/" aria-label="Cyprus home">Cyprus</a>
        <nav aria-label="Main">
          <a href="/" aria-current={path === '/' ? 'page' : undefined}>Home</a>
          <a href="/library" aria-current={path === '/library' ? 'page' : undefined}>Library</a>
          <a href="/devices" aria-current={path === '/devices' ? 'page' : undefined}>Devices</a>
          <a href="/stats" aria-current={path === '/stats' ? 'page' : undefined}>Stats</a>
          {admin && <a href="/admin" aria-current={path === '/admin' ? 'page' : undefined}>Admin</a>}
        </nav>
        <div class="top-end">
          {!isOnline && <span class="badge" role="status">Offline</span>}
          <button type="button" class="quiet" aria-label="Switch between light and dark" onClick={toggleTheme}>◐</button>
          <button type="button" class="quiet" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <div id="content" class="content">{screen}</div>
      {path !== '/player' && <MiniPlayer />}
      <ResumePrompt />
    </>
  );
}

function toggleTheme() {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
  localStorage.setItem('cyprus.theme', root.dataset.theme);
}
