// Lint rules, and the import boundaries between ScrollCart's contexts (STYLE.md § Shape):
// the main-world tap stays free of extension APIs and libraries, content scripts never
// touch the database or the store client, the background never imports UI, and
// utils/ never imports components/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];
const group = (names, message) => ({ group: names, message });

const noDatabase = group(['dexie', '@/utils/db', '@/utils/sightings', '@/utils/background-handlers', '@/utils/shopify/lookup', '@/utils/shopify/fetch-json', '**/db', '**/sightings', '**/background-handlers', '**/lookup', '**/fetch-json'], 'Only the background reads or writes the database and talks to stores.');
const noUi = group(['preact', 'preact/*', '@/components/*', '**/components/*'], 'The background and utils/ never import UI.');
const noExtensionApis = group(['wxt/browser', 'webextension-polyfill', 'zod', 'dexie', 'preact', '@/utils/model', '**/model', '@/utils/messages', '**/messages', '**/items'], 'The main-world tap runs as the page: no extension APIs, no libraries.');

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
  { files: ['entrypoints/feed.content/**', 'utils/tiktok/**'], rules: { 'no-restricted-imports': restrict([noDatabase, noUi]) } },
  // Last, so it wins over the two above for these files.
  { files: ['entrypoints/feed-tap.content.ts', 'utils/tiktok/tap.ts', 'utils/tiktok/channel.ts', 'utils/tiktok/signals.ts'], rules: { 'no-restricted-imports': restrict([noExtensionApis, noDatabase, noUi]) } },
);
