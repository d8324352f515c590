import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/setup.sh's Node check, run for real with a stand-in `node` first on PATH.
const bin = mkdtempSync(path.join(os.tmpdir(), 'qkl-setup-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function check(version: string | null) {
  const fakeNode = path.join(bin, 'node');
  rmSync(fakeNode, { force: true });
  if (version) {
    writeFileSync(fakeNode, `#!/bin/sh\necho ${version}\n`);
    chmodSync(fakeNode, 0o755);
  }
  // without node on PATH: only the shell's own directories
  const PATH = version ? `${bin}:/usr/bin:/bin` : `${bin}:/nonexistent`;
  const run = spawnSync('/bin/bash', [path.resolve('scripts/setup.sh'), '--check-node'], { encoding: 'utf8', env: { PATH } });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('setup.sh checks Node before anything else', () => {
  it.each(['20.19.0', '20.20.2', '22.12.0', '24.1.0'])('accepts %s', (version) => {
    expect(check(version).status).toBe(0);
  });

  it('explains the EBADENGINE warnings on Node 20', () => {
    expect(check('20.20.2').out).toContain('EBADENGINE');
    expect(check('22.12.0').out).not.toContain('EBADENGINE');
  });

  it.each([
    ['18.19.0', 'Debian 12 自带的 nodejs 是 18'],
    ['20.18.1', '请升级到 20.x 的最新小版本'],
    ['21.7.3', 'Node 21 不是长期支持版本'],
    ['22.11.0', '请升级到 22.x 的最新小版本'],
  ])('refuses %s and says what to do', (version, advice) => {
    const { status, out } = check(version);
    expect(status).toBe(1);
    expect(out).toContain(`当前 Node.js 为 ${version}`);
    expect(out).toContain(advice);
  });

  it('says how to get Node when there is none', () => {
    const { status, out } = check(null);
    expect(status).toBe(1);
    expect(out).toContain('没有找到 Node.js');
  });
});
