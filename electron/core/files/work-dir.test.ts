import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { runIsLive, startRun, sweepRuns, workRoot } from './work-dir.ts';

let temp: ReturnType<typeof tempDir>;
afterEach(() => temp?.cleanup());

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('per-run work folders', () => {
  it('are removed by dispose, and a live run is never swept', () => {
    temp = tempDir();
    const run = startRun(temp.dir, 'import');
    writeFileSync(path.join(run.dir, 'x'), 'sealed');
    expect(runIsLive(run.name)).toBe(true);
    expect(sweepRuns(temp.dir)).toEqual([]);
    expect(existsSync(run.dir)).toBe(true);
    run.dispose();
    expect(existsSync(run.dir)).toBe(false);
  });

  it('sweeps runs of ended processes, of an earlier process with our pid, and old leftovers, and tells the caller first', () => {
    temp = tempDir();
    const root = workRoot(temp.dir);
    const now = Date.now();
    const start = Math.round(performance.timeOrigin);
    const names = {
      deadProcess: `export-${deadPid()}-${start - 5000}-${now}-0a0b0c0d`,
      earlierOwnPid: `import-${process.pid}-${start - 86_400_000}-${now}-0a0b0c0e`,
      tooOld: `import-${process.ppid}-${start}-${now - 3 * 86_400_000}-0a0b0c0f`,
      liveParent: `import-${process.ppid}-${start}-${now}-0a0b0c10`,
    };
    for (const name of Object.values(names)) mkdirSync(path.join(root, name), { recursive: true });
    mkdirSync(path.join(root, 'something-else'));
    const old = path.join(root, 'stale-unknown');
    mkdirSync(old);
    utimesSync(old, new Date(now - 3 * 86_400_000), new Date(now - 3 * 86_400_000));

    const told: string[] = [];
    const swept = sweepRuns(temp.dir, (run) => told.push(run.name));
    expect(swept.sort()).toEqual([names.deadProcess, names.earlierOwnPid, names.tooOld, 'stale-unknown'].sort());
    expect(told.sort()).toEqual(swept.sort());
    expect(existsSync(path.join(root, names.liveParent))).toBe(true);
    expect(existsSync(path.join(root, 'something-else'))).toBe(true);
  });

  it('keeps a run whose cleanup failed, for the next open', () => {
    temp = tempDir();
    const name = `export-${deadPid()}-1-${Date.now()}-0a0b0c0d`;
    mkdirSync(path.join(workRoot(temp.dir), name), { recursive: true });
    expect(sweepRuns(temp.dir, () => { throw new Error('USB stick not plugged in'); })).toEqual([]);
    expect(existsSync(path.join(workRoot(temp.dir), name))).toBe(true);
    expect(sweepRuns(temp.dir)).toEqual([name]);
  });
});
