import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../electron/api/contract.ts';

// One name per feature: each contract file holds the calls of one namespace, the one
// its name says (calls/hazards.ts holds hazards.*), so a call is found where its name
// points and every namespace has exactly one file.

const callsDir = path.resolve(import.meta.dirname, '../../electron/api/calls');

describe('contract files', () => {
  const files = readdirSync(callsDir).filter((f) => f.endsWith('.ts'));

  it('each file declares only calls of its own namespace', () => {
    const strays = files.flatMap((file) => {
      const own = path.basename(file, '.ts');
      const names = [...readFileSync(path.join(callsDir, file), 'utf8').matchAll(/^\s+'([a-zA-Z]+)\.[a-zA-Z]+':/gm)].map((m) => m[1]!);
      expect(names.length, `${file} declares no call`).toBeGreaterThan(0);
      return names.filter((ns) => ns !== own).map((ns) => `${file}: ${ns}.*`);
    });
    expect(strays).toEqual([]);
  });

  it('every namespace of the contract has its file', () => {
    const namespaces = new Set(callNames.map((name) => name.split('.')[0]!));
    expect([...namespaces].filter((ns) => !files.includes(`${ns}.ts`))).toEqual([]);
  });
});
