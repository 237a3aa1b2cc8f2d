// The layers of the house, as lint rules: ARCHITECTURE.md explains each arrow.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a layer must not make, by the folder they reach (matched against the import specifier). */
const forbid = (folders, message) => ({ regex: `(^|/)(${folders.join('|')})/`, message });

const layer = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'drizzle/',
      '.wrangler/',
      'src/prompts/generated.ts',
      'src/coach/scenarios/generated.ts',
      'evals/reports/',
      'bench/profiles/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', crypto: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Types from zod and drizzle are the reason `any` would appear; where one is needed it says why.
      '@typescript-eslint/no-explicit-any': 'error',
      // Stored text is checked for control characters on purpose (user-text.ts, the analyzer's folding).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-len': ['error', { code: 160, ignoreUrls: false, ignoreStrings: false, ignoreTemplateLiterals: false, ignoreRegExpLiterals: false }] },
  },
  // coach: pure rules and the engines; it reads no database and knows no HTTP or pages.
  layer(
    ['src/coach/**'],
    forbid(['db', 'http', 'ui', 'routes', 'services', 'entry'], 'src/coach is pure coaching: the database is reached through src/services.'),
    // Fitting the learned reader is for scripts/train-reader.ts, evals and tests: the app only reads its model.
    forbid(['training'], 'The app reads the learned reader, it does not train it: only scripts, evals and tests import learned/training/.'),
  ),
  // llm: a plain chat-model client; it knows nothing of coaching.
  layer(
    ['src/llm/**'],
    forbid(['coach', 'db', 'http', 'ui', 'routes', 'services', 'entry'], 'src/llm is a plain chat-model client and knows nothing of coaching.'),
  ),
  // services: the only door to the database; they answer to routes and pages, never the other way.
  layer(['src/services/**'], forbid(['http', 'ui', 'routes', 'entry'], 'src/services must not depend on how it is served.')),
  // routes, pages and middleware go through services, never to the database's queries.
  layer(
    ['src/routes/**', 'src/ui/**', 'src/http/**', 'src/auth/**', 'src/cli/**'],
    forbid(['db', 'entry'], 'Read and write through src/services: it is the only door to the database.'),
  ),
);
