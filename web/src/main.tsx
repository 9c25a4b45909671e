import { render } from 'preact';
import { start } from './app';
import { App } from './ui/App';
import './ui/router';

const theme = localStorage.getItem('cyprus.theme');
if (theme) document.documentElement.dataset.theme = theme;

render(<App />, document.getElementById('app')!);
void start();

if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
