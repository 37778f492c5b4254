import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { withDevContentSecurityPolicy } from './src/main/app/dev-csp';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // Worker threads (src/main/lib/worker-entry.ts finds them beside index.js).
          'prepare-worker': resolve(
            import.meta.dirname,
            'src/main/services/intake/prepare-worker.ts',
          ),
          'checkpoint-worker': resolve(import.meta.dirname, 'src/main/db/checkpoint-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [
      react(),
      {
        // The dev server's page gets its own policy (src/main/app/dev-csp.ts): the Fast Refresh
        // preamble by its hash, inline styles, nothing remote. 'post', so the preamble is in the
        // page when it is hashed. The built app keeps the strict CSP.
        name: 'relax-csp-in-dev',
        apply: 'serve',
        transformIndexHtml: { order: 'post', handler: withDevContentSecurityPolicy },
      },
    ],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
});
