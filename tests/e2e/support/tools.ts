import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toolFile, type E2eTool } from './build-tools.ts';

// The CLI, the browser host and the helper scripts as the e2e runs them: the bundles
// the run's globalSetup built (build-tools.ts), under the node running Playwright.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const execFileAsync = promisify(execFile);

function builtTool(tool: E2eTool): string {
  const file = toolFile(repoRoot, tool);
  if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run the e2e through playwright.config.ts (its globalSetup builds the tools)`);
  return file;
}

/** The browser host's arguments for running its core threads from the bundle too. */
function withCoreWorker(tool: E2eTool, args: string[]): string[] {
  return tool === 'web-host' ? [...args, '--core-worker', builtTool('core-worker')] : args;
}

/** Runs a tool to the end; resolves with its output (rejects on a non-zero exit, as execFile does). */
export function runTool(tool: E2eTool, args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(process.execPath, [builtTool(tool), ...withCoreWorker(tool, args)], {
    cwd: repoRoot,
    timeout: options.timeout ?? 60_000,
    env: options.env ?? process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Starts a long-running tool (the browser host) with its own pipes. */
export function spawnTool(tool: E2eTool, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [builtTool(tool), ...withCoreWorker(tool, args)], { cwd: repoRoot, ...options });
}
