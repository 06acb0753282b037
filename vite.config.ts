// Renderer build: four pages (one per window role) from renderer/ into dist/renderer. Relative base so the
// same build loads from the Electron app protocol and from the loopback browser host. No inline scripts:
// both hosts apply a CSP of script-src 'self'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));
const page = (name: string): string => fileURLToPath(new URL(`./renderer/${name}.html`, import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets would be data: URLs; keeping everything as files keeps the CSP simple.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        cashier: page('cashier'),
        'customer-display': page('customer-display'),
        kiosk: page('kiosk'),
        manager: page('manager'),
      },
    },
  },
});
