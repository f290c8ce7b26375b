// Lint rules: type-aware typescript-eslint, plus import boundaries between the layers of DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const layer = (from, forbidden, why) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((target) => ({ group: [`**/${target}/**`, `**/${target}/*`], message: why })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/results/', 'content/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  // Regular expressions: the recommended rules, and none that backtracks or moves super-linearly
  // (a hostile card or answer must not freeze the server; issue 19).
  regexp.configs.recommended,
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // Tests and build scripts match our own output, never a stranger's text: no attacker chooses it.
    files: ['test/**', 'scripts/**'],
    rules: {
      'regexp/no-super-linear-backtracking': 'off',
      'regexp/no-super-linear-move': 'off',
      'regexp/no-unused-capturing-group': 'off',
      // fast-check's stringMatching refuses the i flag.
      'regexp/use-ignore-case': 'off',
    },
  },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins and hooks are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      // node:test's describe/it return promises that the runner awaits itself.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  layer(
    'domain',
    ['app', 'db', 'services', 'web', 'api', 'cli', 'formats'],
    'src/domain is pure: no I/O layers.',
  ),
  layer('formats', ['app', 'db', 'services', 'web', 'api', 'cli'], 'src/formats only knows the domain.'),
  layer('db', ['app', 'services', 'web', 'api', 'cli'], 'src/db must not depend on outer layers.'),
  layer('services', ['app', 'web', 'api', 'cli'], 'services are called by web/api/cli, never the reverse.'),
  layer('web', ['db', 'cli'], 'web reaches data through services only.'),
  layer('api', ['db', 'cli', 'web'], 'api reaches data through services only.'),
  layer('http', ['db', 'cli', 'web', 'api'], 'src/http is plumbing shared by web and api.'),
);
