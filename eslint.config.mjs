import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Names that exist in Node or browsers but not in Apps Script's V8 runtime: tests pass with them in
// Node, then the add-on fails in Apps Script.
const notInAppsScript = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'atob',
  'btoa',
  'crypto',
  'process',
  'require',
  'Buffer',
  'window',
  'document',
].map((name) => ({ name, message: `${name} does not exist in Apps Script.` }));

export default tseslint.config(
  { ignores: ['dist/', 'dist-gmail/', 'build/', 'node_modules/', '.jest-cache/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: [
      'src/gas/**/*.ts',
      'src/gmail-card/**/*.ts',
      'src/domain/**/*.ts',
      'src/shared/**/*.ts',
      'sheets-templates/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...notInAppsScript] },
  },
  {
    files: ['src/domain/**/*.ts', 'src/shared/**/*.ts', 'sheets-templates/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas/**', '**/sidebar/**', '**/test/**'],
              message: 'Pure code imports no platform code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sidebar/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas/**', '**/test/**'],
              message: 'The sidebar talks to the server only through src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/gas/services.ts', 'src/gas/apps-script.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...notInAppsScript,
        ...[
          'SpreadsheetApp',
          'HtmlService',
          'PropertiesService',
          'LockService',
          'Session',
          'Utilities',
          'ScriptApp',
          'GmailApp',
          'MailApp',
        ].map((name) => ({
          name,
          message: `Read ${name} through services.ts, the one place that touches Apps Script globals.`,
        })),
      ],
    },
  },
  {
    files: ['src/gmail-card/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/gmail-card/services.ts', 'src/gmail-card/apps-script.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...notInAppsScript,
        ...['CardService', 'GmailApp', 'Session'].map((name) => ({
          name,
          message: `Read ${name} through services.ts, the one place the card touches Apps Script globals.`,
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/gas/**', '**/sidebar/**', '**/test/**'], message: 'The card is its own project.' },
          ],
        },
      ],
    },
  },
  {
    // Overloads copied from Apps Script's reference on purpose: the real services are checked against them.
    files: ['src/gas/apps-script.ts'],
    rules: { '@typescript-eslint/unified-signatures': 'off' },
  },
  {
    // The fakes keep plain-data stores (saved to JSON by the playground), keyed by strings.
    files: ['test/fakes/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  {
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.{mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable' },
    },
  },
  prettier,
);
