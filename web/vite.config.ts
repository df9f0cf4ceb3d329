import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // The workspace root hoists React 18 (pulled in by the mobile app's dependencies); antd, react-router
  // and react-query resolved from there would load a second React next to web's own React 19.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      // The field app is a separate build served by the server; its link must leave this dev server.
      '^/m(/|$)': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
