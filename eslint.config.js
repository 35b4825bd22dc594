// Lint rules, and the import boundaries between ScrollCart's contexts (STYLE.md § Shape):
// the main-world tap stays free of extension APIs and libraries, content scripts never
// touch the database or the store client, the background never imports UI, and
// utils/ never imports components/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];
const group = (names, message) => ({ group: names, message });

// Modules that touch the database or the network of stores: the background's alone.
const BACKGROUND_ONLY = ['db', 'sightings', 'clicks', 'saved', 'jobs', 'background-handlers', 'handlers/*', 'shopify/lookup', 'shopify/fetch-json', 'shopify/resolver', 'shopify/store-client', 'shopify/lookup-jobs', 'shopify/currency', 'shopify/platform-probe', 'shopify/store-records', 'shopify/product-lookup', 'popup/saved-read', 'popup/saved-edit', 'popup/history-query', 'data/background-events', 'data/delete-all', 'data/retention', 'data/services', 'data/watch-run', 'audit/snapshot-store', 'audit/take-snapshot', 'audit/capture', 'audit/triggers', 'export/backup', 'export/merge'];
const noDatabase = group(['dexie', ...BACKGROUND_ONLY.flatMap((m) => [`@/utils/${m}`, `**/${m}`])], 'Only the background reads or writes the database and talks to stores.');
const noUi = group(['preact', 'preact/*', '@/components/*', '**/components/*'], 'The background and utils/ never import UI.');
const noExtensionApis = group(['wxt/browser', 'webextension-polyfill', 'zod', 'dexie', 'preact', '@/utils/model', '**/model', '@/utils/messages', '**/messages', '**/items'], 'The main-world tap runs as the page: no extension APIs, no libraries.');
// The content script's bundle carries no schema library (docs/performance.md): from zod and the
// modules that build schemas at load, it may import types only; its checks are utils/checks.ts.
const ZOD_MODULES = ['zod', 'zod/*', 'model', 'card-model', 'settings-schema', 'settings', 'diagnostics', 'messages', 'core', 'data', 'spec', 'popup'];
const typesFromZodOnly = (message, group = ZOD_MODULES.flatMap((m) => (m.startsWith('zod') ? [m] : [`@/utils/${m}`, `**/${m}`])), regex = null) => [
  'error',
  { patterns: [{ group, allowTypeImports: true, message }, ...(regex ? [{ regex, allowTypeImports: true, message }] : [])] },
];
// The popup's code at open is zod-free too (docs/performance.md § Popup): its answers are checked by
// utils/popup/answers.ts. Settings, which parses storage with zod, is imported dynamically when its tab opens.
const POPUP_AT_OPEN = ['entrypoints/popup/**', 'components/popup/**', 'components/Popup.tsx', 'utils/popup/answers.ts', 'utils/protocol/popup-page.ts', 'utils/protocol/reply.ts'];
const POPUP_ZOD_MODULES = ['zod', 'zod/*', ...['model', 'card-model', 'settings-schema', 'settings', 'messages', 'protocol/core', 'protocol/data', 'protocol/popup', 'protocol/spec', 'protocol/send', 'popup/schemas'].flatMap((m) => [`@/utils/${m}`, `**/utils/${m}`]), '../model'];
// Relative imports inside utils/protocol and utils/popup, matched whole ('./popup' is also a folder of components/).
const POPUP_ZOD_SIBLINGS = '^\\./(core|data|popup|spec|send|schemas)$';
const CONTENT_SCRIPT = ['entrypoints/feed.content/**', 'entrypoints/missed-ad.ts', 'utils/feed/**', 'utils/tiktok/**', 'components/overlay/**', 'utils/checks.ts', 'utils/protocol/content-script.ts', 'utils/model-limits.ts', 'utils/settings-defaults.ts', 'utils/diagnostics-counters.ts'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/tiktok/client/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='innerHTML']", message: 'Render page and store text as text, never as HTML.' }],
    },
  },
  { files: ['entrypoints/background.ts', 'utils/**'], rules: { 'no-restricted-imports': restrict([noUi]) } },
  { files: ['components/**', 'entrypoints/popup/**', 'entrypoints/dashboard/**'], rules: { 'no-restricted-imports': restrict([noDatabase]) } },
  { files: ['utils/tiktok/**', 'utils/feed/**'], rules: { 'no-restricted-imports': restrict([noDatabase, noUi]) } },
  // The content script mounts the overlay UI, but never touches the database.
  { files: ['entrypoints/feed.content/**', 'entrypoints/missed-ad.ts'], rules: { 'no-restricted-imports': restrict([noDatabase]) } },
  { files: CONTENT_SCRIPT, rules: { '@typescript-eslint/no-restricted-imports': typesFromZodOnly('The content script imports only types from zod and its schema modules (they cost ~11 KB gzip at every TikTok page load).') } },
  { files: POPUP_AT_OPEN, rules: { '@typescript-eslint/no-restricted-imports': typesFromZodOnly('The popup imports only types from zod and its schema modules (zod was two thirds of the code its first open compiled).', POPUP_ZOD_MODULES, POPUP_ZOD_SIBLINGS) } },
  // Tests build hostile DOM on purpose.
  { files: ['tests/**'], rules: { 'no-restricted-syntax': 'off' } },
  // Last, so it wins over the two above for these files.
  { files: ['entrypoints/feed-tap.content.ts', 'utils/tiktok/tap*.ts', 'utils/tiktok/{channel,signals,card-id,feed-json,ad-signal}.ts'], rules: { 'no-restricted-imports': restrict([noExtensionApis, noDatabase, noUi]) } },
);
