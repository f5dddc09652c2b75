// Lint rules for the whole project: typescript-eslint's recommended set, plus the
// boundaries from STYLE.md (core imports no UI, content never touches the database).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['extension/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page-derived text is rendered as text, never as HTML.' },
        { property: 'outerHTML', message: 'Page-derived text is rendered as text, never as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Preact's only innerHTML (the one web-ext lint warns about) is behind this prop.
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page-derived text is rendered as text, never as HTML.',
        },
      ],
    },
  },
  {
    // Scripts and tests drive the browser, whose pages and workers have the `chrome` global.
    files: ['scripts/**', 'test/**'],
    languageOptions: { globals: { chrome: 'readonly' } },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'preact',
            'preact/*',
            '**/ui/**',
            '**/popup/**',
            '**/dashboard/**',
            '**/background/**',
          ],
        },
      ],
    },
  },
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/core/db/**', 'idb', 'preact', 'preact/*'] },
      ],
    },
  },
  {
    files: ['src/popup/**', 'src/dashboard/**', 'src/ui/**'],
    ignores: ['src/dashboard/backup/backup-transfer.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/background/**', '**/core/db/**'] }],
    },
  },
  {
    // The one exception: an export reads the database straight from the crisis log, read-only
    // and in one transaction (openForReading never creates nor upgrades it; the background
    // keeps the schema and every write), rather than carrying 100,000 records through messages.
    files: ['src/dashboard/backup/backup-transfer.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/background/**'] },
            {
              group: ['**/core/db/**', '!**/core/db/open', '!**/core/db/backup'],
              message: 'Only the read-only export may read the database from a page.',
            },
          ],
        },
      ],
    },
  },
);
