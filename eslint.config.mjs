// Lint: TypeScript rules, React hooks, and the layering rules that keep logic where tests reach it: lib/ never
// imports app/ or components/; components/ui never imports the domain; in lib/ only the files named for queries
// touch the database client at run time.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const layer = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }]

// The database client's values (getDb, createDb, sql, Prisma, the generated clients), however the path is spelt.
const DB_CLIENT_IMPORT = '(^|/)db/(client|generated)(/|$)'

// Who may value-import it inside lib/: reads (data.ts), writes (mutations.ts), the ingest writer
// (lib/ingest/persist), lib/db itself, tests and their fixtures, and the composition roots below. Everyone else
// receives `db: Db` as a parameter; `import type { Db, Tx }` stays allowed everywhere.
const DB_CLIENT_ALLOWED = [
  'lib/**/data.ts',
  'lib/**/mutations.ts',
  'lib/ingest/persist/**',
  'lib/db/**',
  'lib/**/*.test.ts',
  'lib/**/fixtures/**',
  // Composition roots: where Next.js calls into lib/ with no db in hand, the process-wide client is obtained.
  'lib/http/with-permission.ts', // every route handler goes through withPermission
  'lib/auth/page-guard.ts', // every server-component page goes through requirePage / requireSignedIn
]
const DB_CLIENT_MESSAGE =
  "Only data.ts, mutations.ts, lib/ingest/persist and lib/db use the database client at run time: take `db` as a parameter (import type { Db }) or move the query into the domain's data.ts / mutations.ts."

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'lib/db/generated/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        ['@/app/*', '@/components/*', '../app/*', '../components/*', '../../app/*', '../../components/*'],
        'lib/ is the domain: it must not import app/ or components/',
      ),
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: DB_CLIENT_ALLOWED,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: DB_CLIENT_IMPORT, allowTypeImports: true, message: DB_CLIENT_MESSAGE }] },
      ],
      'no-restricted-syntax': [
        'error',
        // The same for import(): esquery's regex cannot hold a slash, so "." stands for it.
        { selector: 'ImportExpression[source.value=/db.(client|generated)/]', message: DB_CLIENT_MESSAGE },
      ],
    },
  },
  {
    files: ['components/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': layer(
        ['@/lib/*', '@/components/!(ui)/*'],
        'components/ui holds primitives only: no domain imports',
      ),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
