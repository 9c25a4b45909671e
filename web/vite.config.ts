import { defineConfig, type Plugin } from 'vite';

/**
 * The service worker is built as its own entry at a fixed name (/sw.js, so its scope is the whole app); the list of
 * files the app shell needs is written into it, so it can cache them when it installs.
 */
function serviceWorkerPrecache(): Plugin {
  return {
    name: 'cyprus-sw-precache',
    generateBundle(_options, bundle) {
      const shell = Object.keys(bundle).filter((name) => name.startsWith('assets/'));
      const worker = bundle['sw.js'];
      if (worker && worker.type === 'chunk') {
        worker.code = worker.code.replace('"__PRECACHE__"', JSON.stringify(['/', '/manifest.webmanifest', '/icon.svg', ...shell.map((n) => '/' + n)]));
      }
    },
  };
}

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: process.env.CYPRUS_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: 'index.html', sw: 'src/offline/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  plugins: [serviceWorkerPrecache()],
});
