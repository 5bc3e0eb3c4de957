import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
// Type-only import: the config must not load a vite copy at runtime, whichever vite runs the build.
import type { UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const gateway = process.env.STAGES_GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default {
  root,
  plugins: [vue()],
  define: {
    // vue-i18n feature flags: composition API only, no devtools in production bundles.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/graphql': { target: gateway, changeOrigin: true, ws: true },
      // The auth service's OAuth endpoints and sign-in page, served by the gateway on its origin.
      '/oauth': { target: gateway, changeOrigin: true },
    },
  },
} satisfies UserConfig;
