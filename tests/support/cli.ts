import { runCli } from '../../electron/cli/run.ts';

/** Runs one `qkl` command in-process, capturing what it prints. */
export async function qkl(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
