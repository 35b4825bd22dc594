import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// ScrollCart's manifest. Every permission here is explained in README.md § Permissions.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: the linter enforces which context may import what, and auto-imports would hide that.
  imports: false,
  // The sources zip AMO asks for: what builds the extension, not local benchmark output.
  zip: { excludeSources: ['bench/**', 'test-results/**'] },
  manifestVersion: 3,
  // `npm run bench:profile`: an unminified build beside the real one, so a CPU profile's lines map to modules.
  ...(process.env.PROFILE_BUILD ? { outDir: '.output/profile', vite: () => ({ build: { minify: false } }) } : {}),
  hooks: {
    // Content scripts use the browsers' own promise-based API (`chrome` in Chromium,
    // `browser` in Firefox), not the polyfill the extension's pages and worker use: it was
    // ~2.9 KB gzip of their 15 KB budget and ran at every TikTok page's start
    // (docs/performance.md). What they call (runtime messaging, storage.local, i18n) returns
    // promises natively in both browsers' MV3; DESIGN.md § Content script says which calls.
    // Their context is ours too (utils/feed/guest-context.ts): the one AbortSignal the feed
    // script uses, without WXT's location watcher, timers and logger (0.6 KB gzip).
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias as Record<string, string> | undefined;
      // The missed-ad report (an unlisted script) is injected beside them, on the same terms.
      if (alias && entrypoints.every((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) {
        delete alias['wxt/browser'];
        alias['wxt/utils/content-script-context'] = resolve(import.meta.dirname, 'utils/feed/guest-context.ts');
      }
    },
  },
  // The top level stays entrypoints/components/utils/tests: static UI assets (icons, _locales) sit with the UI.
  publicDir: 'components/public',
  // Dev mode opens a headed browser; there is none on CI or a machine without a display.
  webExt: { disabled: !!process.env.CI || !process.env.DISPLAY },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: the merchant's snapshot of an ad (tabs.captureVisibleTab) on the tab where they pressed the shortcut or used the menu.
    // favicon (Chrome only; Firefox has no such API): the store's icon from the browser's cache in the popup, never fetched.
    // scripting: the "missed this ad" report is injected into the TikTok tab only when the menu entry is clicked (utils/missed-ad-menu.ts).
    permissions: ['storage', 'alarms', 'contextMenus', 'notifications', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['favicon'])],
    host_permissions: ['*://*.tiktok.com/*', 'https://*.myshopify.com/*'],
    // Custom store domains are asked for one at a time, on a user gesture (DESIGN.md § Permissions).
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'ScrollCart' },
    // A keyboard command is a user gesture on the tab: it grants activeTab for the snapshot (utils/audit/triggers.ts).
    commands: {
      'capture-ad-snapshot': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_dash_command_capture__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'scrollcart@scrollcart.dev',
              // 140: the oldest ESR Debian ships (bookworm's main; its security updates bring 153)
              // and the first desktop Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
