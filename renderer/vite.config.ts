import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served by the Electron app:// protocol and by the browser host;
// relative asset URLs ('./') work under both.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Chromium supports modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    // Offline desk PCs: never reference anything remote, and keep sourcemaps out of the package.
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
});
