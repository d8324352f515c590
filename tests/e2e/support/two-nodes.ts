import { type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SampleFacts } from './sample-facts.ts';
import { runTool, spawnTool } from './tools.ts';

// An office and the city bureau, each on its own database and browser host, with keys
// sealed by a passphrase and trusting each other (prepared with the CLI, as the
// clerks would after comparing fingerprints by phone). As bundles.spec.ts drives them.

export const OFFICE_PASSPHRASE = 'tangqiao-office-passphrase';
export const BUREAU_PASSPHRASE = 'city-bureau-passphrase';

/** `qkl` with the passphrase that seals (and opens) the node's private keys. */
export async function qkl(args: string[], passphrase: string): Promise<string> {
  const { stdout } = await runTool('cli', args, { timeout: 90_000, env: { ...process.env, QKL_PASSPHRASE: passphrase } });
  return stdout;
}

/** 塘桥分局 and 市局特设科 on these two files, trusting each other, with a few units in the office (what the sample holds is returned). */
export async function officeAndBureau(officeDb: string, bureauDb: string, units = 3): Promise<SampleFacts> {
  await Promise.all([
    qkl(['init', '--db', officeDb, '--role', 'district', '--name', '塘桥分局', '--district', '塘桥'], OFFICE_PASSPHRASE),
    qkl(['init', '--db', bureauDb, '--role', 'bureau', '--name', '市局特设科'], BUREAU_PASSPHRASE),
  ]);
  const exportPublic = async (db: string, passphrase: string) => {
    const out = db.replace(/\.sqlite$/, '.pub');
    const { fingerprint } = JSON.parse(await qkl(['keys', 'export', '--db', db, '--out', out, '--json'], passphrase)) as { fingerprint: string };
    return { file: out, fingerprint };
  };
  const [officePub, bureauPub] = await Promise.all([exportPublic(officeDb, OFFICE_PASSPHRASE), exportPublic(bureauDb, BUREAU_PASSPHRASE)]);
  const [, , { stdout: facts }] = await Promise.all([
    qkl(['keys', 'trust', '--db', officeDb, bureauPub.file, '--fingerprint', bureauPub.fingerprint, '--json'], OFFICE_PASSPHRASE),
    qkl(['keys', 'trust', '--db', bureauDb, officePub.file, '--fingerprint', officePub.fingerprint, '--json'], BUREAU_PASSPHRASE),
    runTool('sample-data', ['insert', '--db', officeDb, '--units', String(units), '--seed', '11'], { timeout: 90_000 }),
  ]);
  return JSON.parse(facts) as SampleFacts;
}

export interface Host {
  openUrl: string;
  stop: () => Promise<void>;
}

/** The browser host on one database (the same command the fixtures use), stopped with its process group; `extra` e.g. ['--open', file]. */
export async function startHost(databaseFile: string, extra: string[] = []): Promise<Host> {
  const child: ChildProcess = spawnTool('web-host', ['--db', databaseFile, '--port', '0', '--print-json', ...extra], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in time\n${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { openUrl: string }).openUrl);
      } catch {
        reject(new Error(`web host printed no JSON: ${line}\n${stderr}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}\n${stderr}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  return { openUrl, stop };
}
