import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The API (npm start, or npm run start:api) listens on :3000; the dev server forwards the API's
// paths to it, WebSocket subscriptions included, so the app talks to one origin as in production.
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/auth': { target: api, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
