import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { reportGzipSize } from './scripts/gzip-report.ts';

/**
 * The field-task workflow (buttons, photo order) without the rest of contracts: importing
 * '@eco/contracts' for a runtime value would bring zod into the phone's bundle.
 */
const fieldWorkflow = fileURLToPath(new URL('../contracts/src/field-task.workflow.ts', import.meta.url));

export default defineConfig({
  base: '/m/',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      scope: '/m/',
      base: '/m/',
      includeAssets: ['icon.svg'],
      manifest: {
        name: '生态环境监测业务',
        short_name: '监测业务',
        description: '监测人员现场采样、送样与实验室分析记录上报',
        lang: 'zh-CN',
        id: '/m/',
        start_url: '/m/',
        scope: '/m/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f5f5f5',
        theme_color: '#1677ff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The app shell and every lazy chunk, so that /m opens (and its pages load) offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/m/index.html',
        // API answers are never cached: the queue in IndexedDB is the offline store.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    reportGzipSize(),
  ],
  resolve: {
    alias: { '@eco/field-workflow': fieldWorkflow },
    // npm hoists React 18 to the root for antd-mobile's @react-spring peer range; one React 19 for all.
    dedupe: ['react', 'react-dom'],
  },
  // The gzip report below watches the real budget (200 kB gzipped on first load), not raw size.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 700,
    // contracts' dicts.ts (needed by the workflow for its stage list) builds zod schemas at the top
    // level; declaring zod's builders pure lets the unused schemas, and zod with them, drop out.
    rolldownOptions: { treeshake: { manualPureFunctions: ['z'] } },
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
