import { spawn, type ChildProcess } from 'node:child_process';
import { PASSPHRASE } from './exchange.ts';

/** A real `qkl` process (the CLI, as a clerk's script runs it), to be killed mid-way by the test. */
export function qklChild(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    env: { ...process.env, QKL_PASSPHRASE: PASSPHRASE, ...env },
    stdio: 'ignore',
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Kills the child with SIGKILL as soon as `ready()` holds (polled every 2 ms). */
export async function killWhen(child: ChildProcess, ready: () => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const exit = exited(child);
  const poll = setInterval(() => {
    if (ready()) {
      clearInterval(poll);
      child.kill('SIGKILL');
    }
  }, 2);
  const result = await exit;
  clearInterval(poll);
  return result;
}
