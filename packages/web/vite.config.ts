/** @module Vite build of the web app: React, route-level code splitting, a dev proxy from /api to the API server. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env['JIXIAO_API'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    manifest: true,
    rolldownOptions: {
      output: {
        // Named shared chunks, so the sizes the benchmark reports mean something: React, the domain
        // core (with zod, used only by the editor, import, rule sets and report pages) and ECharts
        // (the finance overview only). Ant Design stays split per component by the default rules.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'jixiao-core', test: /packages[\\/]core[\\/]dist|node_modules[\\/]zod[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
