// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Every Node built-in, bare and with the node: prefix. */
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

/** Exact-name rules: patterns would be gitignore-style and catch our own folder "domain". */
const forbid = (names, message) => names.map((name) => ({ name, message }));

/** exceljs only through src/main/lib/exceljs.ts, which fixes its Hangul decoding first. */
const excelThroughWrapper = {
  name: 'exceljs',
  allowTypeImports: true,
  message: 'Import exceljs from src/main/lib/exceljs.ts: it fixes split Hangul in streamed XLSX.',
};

const excelRuleForTestsAndScripts = {
  files: ['tests/**/*.ts', 'scripts/**/*.ts'],
  rules: { 'no-restricted-imports': ['error', { paths: [excelThroughWrapper] }] },
};

/**
 * The layer rule of docs/architecture.md, as lint errors:
 * shared imports nothing platform-specific nor from main/renderer; renderer never imports main
 * nor Node nor Electron; main never imports renderer; only main's Electron shell touches electron.
 */
const layerRules = [
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...forbid(
              ['electron', 'better-sqlite3-multiple-ciphers', 'react', 'react-dom'],
              'src/shared is pure: it runs unchanged in main, renderer, CLI and tests.',
            ),
            ...forbid(nodeBuiltins, 'src/shared is pure: no Node built-ins.'),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '../main', '../renderer'],
              message: 'src/shared must not import main or renderer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: 'src/shared is pure: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...forbid(
              ['electron', 'better-sqlite3-multiple-ciphers'],
              'The renderer talks to main only through window.api.',
            ),
            ...forbid(nodeBuiltins, 'No Node in the renderer.'),
          ],
          patterns: [
            {
              group: ['**/main/**', '../main'],
              message: 'The renderer never imports main: use window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: [
      'src/main/index.ts',
      'src/main/app/**',
      'src/main/preload/**',
      'src/main/ipc/electron-adapter.ts',
      'src/main/lib/exceljs.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Services, db and router stay free of Electron (docs/architecture.md).',
            },
            excelThroughWrapper,
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'main never imports the renderer.' },
            { group: ['react', 'react-dom'], message: 'main has no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/main/index.ts',
      'src/main/app/**/*.ts',
      'src/main/preload/**/*.ts',
      'src/main/ipc/electron-adapter.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [excelThroughWrapper],
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom'],
              message: 'main never imports the renderer.',
            },
          ],
        },
      ],
    },
  },
];

/**
 * SQL lives in src/main/db/ (repositories, queries, connection): elsewhere a call to a
 * connection's prepare, exec or pragma is an error, so services hold use cases, not SQL.
 */
const sqlOnlyInDb = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/main/db/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
        message:
          'SQL lives in src/main/db/: add a repository function there (docs/architecture.md, SQLite).',
      },
      {
        // exec on a connection (db.exec, ctx.db.exec), not RegExp.prototype.exec.
        selector:
          "CallExpression[callee.property.name='exec']:matches([callee.object.name='db'], [callee.object.property.name='db'])",
        message:
          'SQL lives in src/main/db/: add a repository function there (docs/architecture.md, SQLite).',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.native/**',
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error; a switch on a union that misses a
    // member silently does nothing for it.
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  { files: ['src/renderer/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  excelRuleForTestsAndScripts,
  sqlOnlyInDb,
  ...layerRules,
  prettier,
);
