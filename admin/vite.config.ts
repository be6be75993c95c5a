// Builds the console into admin/dist, which the API serves on its own origin.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The console, and the public application page (/apply) that needs no sign-in.
      input: { console: path.join(root, 'index.html'), apply: path.join(root, 'apply.html') },
      onwarn(warning, warn) {
        // react-admin and MUI ship "use client" directives, harmless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // `npm start` on :3000 answers the API; better-auth only trusts its own origin, so present it.
    proxy: {
      '/api': {
        target: 'http://localhost:3000',
        configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', 'http://localhost:3000')),
      },
    },
  },
});
