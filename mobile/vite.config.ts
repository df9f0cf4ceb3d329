import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { reportGzipSize } from './scripts/gzip-report.ts';

export default defineConfig({
  base: '/m/',
  plugins: [react(), reportGzipSize()],
  // npm hoists React 18 to the root for antd-mobile's @react-spring peer range; one React 19 for all.
  resolve: { dedupe: ['react', 'react-dom'] },
  // The gzip report below watches the real budget (200 kB gzipped on first load), not raw size.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 700 },
  server: {
    port: 5174,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
