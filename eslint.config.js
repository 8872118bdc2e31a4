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

/** Functions over 80 lines that are data, not steps: a table of rows or recipes read top to bottom. */
const DATA_TABLE_FILES = [];

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
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.astro', '**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Config files and scripts run on Node.
    files: ['*.mjs', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests: a `describe` block is a list of cases, not a function to split.
    files: ['tests/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  ...(DATA_TABLE_FILES.length ? [{ files: DATA_TABLE_FILES, rules: { 'max-lines-per-function': 'off' } }] : []),
]);
