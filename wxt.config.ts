import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifestVersion: 3,
  zip: {
    // The sources zip holds what builds the extension, for store review.
    excludeSources: ['probe/**', 'test/**', 'scripts/**', '.ci/**', 'coverage/**'],
  },
  manifest: ({ browser }) => ({
    name: 'certglance',
    description: "Days left on the site's TLS certificate at a glance, and why it fails when it does.",
    permissions:
      browser === 'firefox'
        ? ['webRequest', 'webRequestBlocking', 'webNavigation', 'storage']
        : ['webRequest', 'webNavigation', 'storage'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'certglance' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'certglance@certglance.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Chromium reads organisation policy for storage.managed against this schema.
        { storage: { managed_schema: 'managed-schema.json' } }),
  }),
});
