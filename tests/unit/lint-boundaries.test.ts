import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The process boundaries (docs/ARCHITECTURE.md, "Processes") are enforced by lint; this proves the rules bite.
const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('process boundaries', () => {
  it('keep Node, Electron and the database out of the renderer', async () => {
    for (const line of [
      "import fs from 'node:fs';",
      "import { ipcRenderer } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import { openCore } from '../../electron/core/open-core.ts';",
      "import { contract } from '../../electron/api/contract.ts';",
    ]) {
      expect(await ruleIds('renderer/src/probe.ts', `${line}\nexport const x = 1;\n`), line).toEqual(
        expect.arrayContaining([expect.stringContaining('no-restricted-imports')]),
      );
    }
  });

  it('allow the renderer a type-only import of the contract', async () => {
    expect(await ruleIds('renderer/src/probe.ts', "import type { CallName } from '../../electron/api/contract.ts';\nexport type X = CallName;\n")).toEqual([]);
  });

  it('allow the renderer the synced tables\' labels as a value, and nothing else of the contract', async () => {
    expect(await ruleIds('renderer/src/probe.ts', "import { syncTableLabels } from '../../electron/api/sync-table-labels.ts';\nexport const x = syncTableLabels;\n")).toEqual([]);
    expect(await ruleIds('renderer/src/probe.ts', "import { Settings } from '../../electron/api/schemas/settings.ts';\nexport const x = Settings;\n")).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
  });

  it('keep Electron out of the core, the database layer and the CLI', async () => {
    for (const file of ['electron/core/probe.ts', 'electron/core-host/probe.ts', 'db/probe.ts', 'electron/cli/probe.ts', 'electron/api/probe.ts']) {
      expect(await ruleIds(file, "import { app } from 'electron';\nexport const x = app;\n"), file).toEqual([
        expect.stringContaining('no-restricted-imports'),
      ]);
    }
  });

  it('keep the contract out of the database layer, which shares only the errors below it', async () => {
    for (const [line, use] of [
      ["import { AppError } from '../electron/api/errors.ts';", 'export const x = AppError;'],
      ["import type { NodeIdentity } from '../electron/api/schemas/node.ts';", 'export type X = NodeIdentity;'],
    ]) {
      expect(await ruleIds('db/probe.ts', `${line}\n${use}\n`), line).toEqual([expect.stringContaining('no-restricted-imports')]);
    }
    expect(await ruleIds('db/probe.ts', "import { AppError } from '../electron/shared/errors.ts';\nexport const x = AppError;\n")).toEqual([]);
    expect(await ruleIds('electron/shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([expect.stringContaining('no-restricted-imports')]);
  });

  it('keep contextBridge and ipcRenderer to the preload', async () => {
    expect(await ruleIds('electron/main/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await ruleIds('electron/preload/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toEqual([]);
  });
});
