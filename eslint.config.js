import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactThree from '@react-three/eslint-plugin';
import globals from 'globals';

// DOM globals the pure core must not touch (it runs in Node for tests, benchmarks and the report CLI).
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'requestAnimationFrame', 'HTMLElement', 'fetch'];

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', 'public/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@react-three': reactThree },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      ...reactThree.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scene components own three.js objects (materials, geometries) created in useMemo and changed in
    // effects or frames: the imperative R3F pattern. The compiler's immutability rule cannot tell them from
    // React state, so it is off here only; hooks rules and exhaustive deps stay errors.
    files: ['src/scene/**/*.tsx'],
    rules: { 'react-hooks/immutability': 'off' },
  },
  {
    // Node scripts that also hand functions to the browser (playwright page.evaluate).
    files: ['scripts/**/*.{js,mjs}', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/core is pure: no React.' },
            { group: ['three', 'three/*'], message: 'src/core is pure: no three.js (typed arrays in, typed arrays out).' },
            { group: ['@react-three/*', 'leva', 'zustand', 'zustand/*', 'i18next', 'react-i18next'], message: 'src/core is pure.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'src/core must not use DOM globals.' }))],
    },
  },
);
