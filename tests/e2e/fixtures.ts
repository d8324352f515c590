import { type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import type { SampleFacts, WrittenLedger } from './support/sample-facts.ts';
import { repoRoot, runTool, spawnTool } from './support/tools.ts';

/**
 * Every host and CLI of the e2e runs as 经办人 王敏 (科长): `qkl init` puts the named
 * operator on the staff list, and the browser host chooses them at start (its
 * --operator, from QKL_OPERATOR), so pages open ready to write. A spec about the
 * chooser itself starts its host without it (OPERATOR_ENV_OFF).
 */
export const E2E_OPERATOR = '王敏';
process.env['QKL_OPERATOR'] ??= E2E_OPERATOR;
/** spread into a child's env to start it with nobody chosen */
export const OPERATOR_ENV_OFF = { QKL_OPERATOR: '' };
/** the passphrase of the training node's keys (option nodeRole: 'training') */
export const TRAINING_PASSPHRASE = 'training e2e 2026';
export { repoRoot };

/** `qkl` on the command line, the same core the UI talks to: an independent witness of what was saved. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await runTool('cli', args, { env: { ...process.env, ...env } });
  return stdout;
}

export interface Stats {
  units: number;
  equipment: number;
  managers: number;
  districts: number;
}

export interface Workspace {
  dir: string;
  databaseFile: string;
  stats: () => Promise<Stats>;
  /** the generated district inserted before the host started (option `sample`), else null */
  sample: SampleFacts | null;
}

/**
 * Writes a generated district (scripts/sample-data, dated today in Asia/Shanghai) as a
 * ledger xlsx, with the generator's documented defects if asked; returns what was written.
 */
export async function writeSampleLedger(out: string, options: { units: number; seed: number; defects: boolean }): Promise<WrittenLedger> {
  const args = ['ledger', '--out', out, '--units', String(options.units), '--seed', String(options.seed), ...(options.defects ? ['--defects'] : [])];
  const { stdout } = await runTool('sample-data', args);
  return JSON.parse(stdout) as WrittenLedger;
}

/** Bulk-inserts a generated district into an initialised district database (no importer involved). */
async function insertSample(databaseFile: string, options: { units: number; seed: number }): Promise<SampleFacts> {
  const args = ['insert', '--db', databaseFile, '--units', String(options.units), '--seed', String(options.seed)];
  const { stdout } = await runTool('sample-data', args);
  return JSON.parse(stdout) as SampleFacts;
}

interface HostInfo {
  url: string;
  openUrl: string;
  token: string;
  databaseFile: string;
}

/** Starts the browser host on a free port and resolves with the JSON line it prints. */
async function startHost(databaseFile: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; info: HostInfo }> {
  // Its own process group, so it and anything it starts stop together when the test ends.
  const child = spawnTool('web-host', ['--db', databaseFile, '--port', '0', '--print-json'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<HostInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in time\n${stderr}`)), 45_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as HostInfo);
      } catch {
        reject(new Error(`web host printed no JSON: ${line}\n${stderr}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}\n${stderr}`));
    });
  });
  return { child, info };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

interface Options {
  /** false: leave the database uninitialised, so the app shows 首次启动 */
  initialised: boolean;
  /** the node the database is initialised as: 塘桥分局 (district), 市局特设科 (bureau) or 市局技术服务中心 (training, with keys sealed by TRAINING_PASSPHRASE) */
  nodeRole: 'district' | 'bureau' | 'training';
  /** a generated district to insert before the host starts (district nodes only) */
  sample: { units: number; seed: number } | null;
  /** false: the host starts with nobody chosen, so the app asks for the 经办人 */
  operatorChosen: boolean;
}

interface Fixtures {
  workspace: Workspace;
  host: HostInfo;
  /** the app, opened at the host's openUrl and loaded */
  app: Page;
}

/**
 * A fresh temporary folder and database per test, initialised as 塘桥分局 unless
 * the test says otherwise, served by its own browser host that is stopped after the test.
 */
export const test = base.extend<Fixtures & Options>({
  initialised: [true, { option: true }],
  nodeRole: ['district', { option: true }],
  sample: [null, { option: true }],
  operatorChosen: [true, { option: true }],

  workspace: async ({ initialised, nodeRole, sample }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qkl-e2e-'));
    const databaseFile = path.join(dir, 'qkl.sqlite');
    try {
      if (initialised) {
        const node =
          nodeRole === 'district'
            ? ['--role', 'district', '--name', '塘桥分局', '--district', '塘桥']
            : nodeRole === 'bureau'
              ? ['--role', 'bureau', '--name', '市局特设科']
              : ['--role', 'training', '--name', '市局技术服务中心'];
        // the training centre signs certificates: its keys are made at init, sealed by a passphrase
        await cli(['init', '--db', databaseFile, ...node, '--title', '科长'], nodeRole === 'training' ? { QKL_PASSPHRASE: TRAINING_PASSPHRASE } : {});
      }
      const stats = async () => JSON.parse(await cli(['stats', '--db', databaseFile, '--json'])) as Stats;
      const facts = sample ? await insertSample(databaseFile, sample) : null;
      await use({ dir, databaseFile, stats, sample: facts });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  host: async ({ workspace, operatorChosen }, use) => {
    const { child, info } = await startHost(workspace.databaseFile, operatorChosen ? {} : OPERATOR_ENV_OFF);
    try {
      await use(info);
    } finally {
      await stopHost(child);
    }
  },

  app: async ({ page, host }, use) => {
    await page.goto(host.openUrl);
    await use(page);
  },
});

export { expect };
