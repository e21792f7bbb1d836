/**
 * ESLint for `npm test` (scripts/test.mjs runs it before any test): the recommended rules of
 * ESLint and typescript-eslint, and React's hook rules for the Ink components. Errors fail the
 * run; warnings are shown only.
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Every script here runs on Node as ES modules: its globals are those of the Node running ESLint. */
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'test/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: nodeGlobals },
    rules: {
      // Matching control characters is the point of the terminal-escaping code and its tests.
      'no-control-regex': 'off',
      // `_name` marks a parameter or binding that is required by a signature but unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and build tools read untyped JSON (ARM payloads, metafiles); the product code may not.
    files: ['test/**', 'bench/**', 'scripts/**', 'scenarios/build/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx,mjs}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A dependency left out of a hook's list runs the effect with stale values.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
