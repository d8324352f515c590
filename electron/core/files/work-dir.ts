import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './private-files.ts';

// Bundle export and import work in a folder of their own per run, under
// <data>/work, removed when the run ends. A run killed half-way leaves its folder;
// the next open of the core sweeps it. The CLI and the app may work on the same
// data folder at once, so a folder is swept only once the process that made it is
// gone (or the run is older than any run can be).

/** The process, told apart from an earlier one that had the same pid. */
const processStart = Math.round(performance.timeOrigin);
const RUN_NAME = /^([a-z]+)-(\d+)-(\d+)-(\d+)-[0-9a-f]+$/;
/** No export or import runs this long; a folder this old is a leftover, whatever its pid. */
const MAX_RUN_MS = 2 * 24 * 3600 * 1000;

export interface WorkRun {
  /** the run's folder */
  dir: string;
  /** its name, which says which process made it */
  name: string;
  /** removes the folder; never throws (a leftover is swept at the next open) */
  dispose(): void;
}

export function workRoot(dataDir: string): string {
  return path.join(dataDir, 'work');
}

/** A fresh owner-only folder for one run: `<kind>-<pid>-<process start>-<run start>-<random>`. */
export function startRun(dataDir: string, kind: 'export' | 'import'): WorkRun {
  const name = `${kind}-${process.pid}-${processStart}-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const dir = path.join(workRoot(dataDir), name);
  ensurePrivateDir(dir);
  return {
    dir,
    name,
    dispose() {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // the sweep at the next open removes it
      }
    },
  };
}

/** Whether the run that made this folder may still be working in it. */
export function runIsLive(name: string, now = Date.now()): boolean {
  const match = RUN_NAME.exec(name);
  if (!match) return false;
  const pid = Number(match[2]);
  const started = Number(match[4]);
  if (now - started > MAX_RUN_MS) return false;
  if (pid === process.pid) return Number(match[3]) === processStart;
  return processAlive(pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another account
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the folders of runs that are over: `beforeRemove` first gets each one
 * (to undo what the run left outside its folder). Never throws: a folder that
 * cannot be removed now is tried again at the next open.
 */
export function sweepRuns(dataDir: string, beforeRemove: (run: { dir: string; name: string }) => void = () => {}): string[] {
  const root = workRoot(dataDir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      if (RUN_NAME.test(name) ? runIsLive(name) : Date.now() - lstatSync(dir).mtimeMs < MAX_RUN_MS) continue;
      beforeRemove({ dir, name });
      rmSync(dir, { recursive: true, force: true });
      swept.push(name);
    } catch {
      // tried again at the next open
    }
  }
  return swept;
}
