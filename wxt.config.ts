import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { HOST_PATTERNS } from './lib/sites';
import { ZOTERO_PERMISSION } from './lib/zotero/client';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Dogear',
    description:
      'See at a glance what you saved, read or dismissed on Hugging Face Daily Papers and arXiv listings. Local reading list, tags, keyword highlights.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: HOST_PATTERNS,
    // Zotero desktop on this computer, asked for on the first Send to Zotero, never at install.
    ...(browser === 'firefox'
      ? { optional_permissions: [ZOTERO_PERMISSION] }
      : { optional_host_permissions: [ZOTERO_PERMISSION] }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Dogear reading list' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dogear@dogear.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
