// Builds the single-page app into web/dist; the server serves it at `/` (server/src/http/plugins/static.plugin.ts).
// `npm run dev -w web` proxies the API to a server on :7979 for working on the UI.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:7979', ws: true },
      '/login': 'http://localhost:7979',
    },
  },
});
