// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
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
 * The layer rule of DESIGN.md, as lint errors:
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
              ['electron', 'better-sqlite3', 'react', 'react-dom'],
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
              ['electron', 'better-sqlite3'],
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
              message: 'Services, db and router stay free of Electron (DESIGN.md).',
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
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  excelRuleForTestsAndScripts,
  ...layerRules,
  prettier,
);
