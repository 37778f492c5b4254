import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
// The probes are virtual files outside every tsconfig, so type-aware rules cannot see them;
// the layer rules under test are syntactic and stay on.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    { files: ['**/probe.ts', '**/probe.tsx'], ...tseslint.configs.disableTypeChecked },
  ],
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.severity === 2 &&
        (m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals'),
    )
    .map((m) => m.message);
}

describe('the layer rule is a lint error', () => {
  it.each([
    "import fs from 'node:fs';",
    "import { join } from 'path';",
    "import { createHash } from 'crypto';",
    "import { app } from 'electron';",
    "import Database from 'better-sqlite3-multiple-ciphers';",
    "import { useState } from 'react';",
    "import { openDatabase } from '../../main/db/connection';",
    "import { App } from '../../renderer/app/App';",
  ])('src/shared may not: %s', async (line) => {
    expect(
      await layerErrors('src/shared/domain/probe.ts', `${line}\nexport const x = 1;\n`),
    ).not.toEqual([]);
  });

  it('src/shared may not reach for DOM or Node globals', async () => {
    expect(
      await layerErrors(
        'src/shared/domain/probe.ts',
        'export const w = window.innerWidth + process.pid;\n',
      ),
    ).toHaveLength(2);
  });

  it('src/shared may import its own modules and zod', async () => {
    const code =
      "import { z } from 'zod';\nimport { classifyTier } from './tier';\nexport const x = [z, classifyTier];\n";
    expect(await layerErrors('src/shared/domain/probe.ts', code)).toEqual([]);
  });

  it.each([
    "import fs from 'node:fs';",
    "import { ipcRenderer } from 'electron';",
    "import { openDatabase } from '../../main/db/connection';",
  ])('src/renderer may not: %s', async (line) => {
    expect(
      await layerErrors('src/renderer/screens/probe.tsx', `${line}\nexport const x = 1;\n`),
    ).not.toEqual([]);
  });

  it('main may not import the renderer, and only the Electron shell may import electron', async () => {
    expect(
      await layerErrors(
        'src/main/services/probe.ts',
        "import { App } from '../../renderer/app/App';\nexport const x = App;\n",
      ),
    ).not.toEqual([]);
    expect(
      await layerErrors(
        'src/main/services/probe.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).not.toEqual([]);
    expect(
      await layerErrors(
        'src/main/app/probe.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });
});

describe('SQL lives in src/main/db', () => {
  async function sqlErrors(file: string, code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return (result?.messages ?? []).filter(
      (m) => m.severity === 2 && m.ruleId === 'no-restricted-syntax',
    ).length;
  }
  const code = [
    "import type Database from 'better-sqlite3-multiple-ciphers';",
    'export function count(db: Database.Database): unknown {',
    "  db.exec('SELECT 1');",
    "  db.pragma('user_version');",
    "  return db.prepare('SELECT count(*) FROM claims').get();",
    '}',
    "export const isWord = /^[a-z]+$/.exec('word');",
  ].join('\n');

  it('is an error to prepare, exec or pragma in a service', async () => {
    expect(await sqlErrors('src/main/services/probe.ts', code)).toBe(3);
  });

  it('is allowed in a repository', async () => {
    expect(await sqlErrors('src/main/db/repositories/probe.ts', code)).toBe(0);
  });
});
