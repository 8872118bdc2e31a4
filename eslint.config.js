// @ts-check
/**
 * The linter (`npm run check` runs it after tsc): typescript-eslint's recommended, type-checked rules
 * on TypeScript, eslint-plugin-astro's on .astro files, and the house rules in docs/architecture.md:
 * no floating promises, no unused names, type-only imports marked, functions a reader can follow
 * (max-lines-per-function 80, data tables exempt by name).
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Functions over 80 lines that are data, not steps: a table read top to bottom. Exempt by file and
 * named in the function's own comment.
 */
const DATA_TABLE_FILES = [
  'src/data/recipes.ts', // recipesFor: one recipe per tool, each a block of printed code
];

export default defineConfig([
  globalIgnores([
    'dist/**',
    '.dist-*/**',
    '.astro/**',
    'node_modules/**',
    'tests/fixtures/**',
    'tests/snapshots/**',
    'public/**',
    'docs/gallery/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      // `importOriginal<typeof import('…')>()` is vitest's own idiom for a partial mock.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.astro', '**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // The validators look for control and invisible characters in input on purpose.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Config files and scripts run on Node.
    files: ['*.mjs', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // An .astro file's template is markup: its `{rows.map((r) => <li>…</li>)}` is a loop over HTML,
    // not a function to split (its frontmatter is short by the 400-line module rule).
    files: ['**/*.astro'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // Tests: a `describe` block is a list of cases, not a function to split.
    files: ['tests/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  ...(DATA_TABLE_FILES.length ? [{ files: DATA_TABLE_FILES, rules: { 'max-lines-per-function': 'off' } }] : []),
]);
