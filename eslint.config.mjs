// ESLint: recommended JS + TypeScript rules and the React hooks rules, over src, tests and config,
// and the app's layering (which folder may import which) with the core no-restricted-imports rule.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** A rule entry naming src folders a layer must not import, by `@/` alias or by relative path. */
const notFrom = (folders, why) => ({
  regex: `^(@/|(\\./|(\\.\\./)+))(${folders.join('|')})(/|$)`,
  message: why,
})
const TARO = {
  regex: '^@tarojs/taro(/|$)',
  message: 'Only src/platform touches Taro: take the API or hook from there (pages use @/platform/page).',
}
const UI = ['features', 'components', 'pages', 'subpackages']

/**
 * The layers, lowest first: domain (pure rules) → platform (Taro) → services (the Api) and store →
 * features and components → pages and subpackages. A layer imports only from below itself.
 * Options replace each other per file, so each block lists everything its files may not import.
 */
const LAYERS = [
  {
    files: ['src/domain/**'],
    paths: [
      { name: '@tarojs/components', message: 'src/domain is pure: no components.' },
      { name: 'react', message: 'src/domain is pure: no React.' },
    ],
    patterns: [
      TARO,
      notFrom(
        ['platform', 'services', 'store', 'shared', ...UI],
        'src/domain is pure rules: it takes data and `now` as arguments and imports no other layer.',
      ),
    ],
  },
  {
    files: ['src/platform/**'],
    patterns: [
      notFrom(
        ['services', 'store', ...UI],
        'src/platform sits under services and UI; shared types belong in src/platform/types.ts or src/domain.',
      ),
    ],
  },
  {
    files: ['src/services/**'],
    patterns: [TARO, notFrom(['store', ...UI], 'src/services serves the UI and imports none of it, nor the store.')],
  },
  {
    files: ['src/store/**'],
    patterns: [TARO, notFrom(['services', ...UI], 'src/store keeps client state only and imports no UI or services.')],
  },
  {
    files: ['src/features/**', 'src/components/**'],
    patterns: [
      TARO,
      notFrom(['pages', 'subpackages'], 'Pages compose features and components, not the other way round.'),
    ],
  },
]

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '**/.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'bench/empty-app/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, defineAppConfig: 'readonly', definePageConfig: 'readonly' },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TARO] }] },
  },
  ...LAYERS.map(({ files, paths = [], patterns }) => ({
    files: files.map((f) => `${f}/*.{ts,tsx}`),
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  })),
  {
    files: ['**/*.{js,cjs,mjs}', 'config/**/*.ts', 'bench/empty-app/config/**/*.ts', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser journeys (and the first-screen drawing) run code in the page as well as in node.
    files: ['tests/e2e/**/*.mjs', 'bench/**/*.mjs', 'scripts/first-screen.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
