import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    // The domain layer stays pure: no Next.js, React or Prisma (docs/decisions/0001-architecture.md).
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['next', 'next/*', 'react', 'react-dom', '@prisma/*', '@/lib/generated/*', '@/lib/data/*', '@/lib/web/*', 'node:*', 'fs', 'path'] },
      ],
    },
  },
  {
    // Layers and cycles (docs/decisions/0001-architecture.md). `@/` paths resolve through
    // tsconfig.json with eslint-import-resolver-typescript, which eslint-config-next registers.
    files: ['**/*.{ts,tsx,js,mjs}'],
    settings: {
      // Do not parse dependencies for the cycle check (some bundles overflow the parser).
      'import/ignore': ['node_modules'],
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./components', './modules'],
              from: './app',
              message: 'Routes compose features, not the other way round: move what is shared into modules/ or lib/.',
            },
            {
              target: './lib/domain',
              from: ['./lib/data', './lib/web', './components', './modules', './app'],
              message: 'lib/domain is pure TypeScript and imports no other layer.',
            },
            {
              target: './lib/data',
              from: ['./lib/web', './components', './modules', './app'],
              message: 'lib/data (Prisma) does not depend on the web layer or the UI.',
            },
            {
              target: './lib/web',
              from: ['./components', './modules', './app'],
              message: 'lib/web is Next.js glue below the UI.',
            },
            {
              target: ['./lib', './app', './components', './modules', './instrumentation.ts', './proxy.ts'],
              from: ['./scripts', './prisma/seed', './tests', './bench'],
              message: 'The runtime does not import development tooling, the seed or tests.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['next.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];

export default config;
