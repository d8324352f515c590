import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

// The e2e starts the browser host, the qkl CLI and its helper scripts hundreds of
// times. Through `npx tsx` each start costs seconds (npx, then tsx transforming the
// whole core, again in each core thread); built once per run with esbuild and run
// with plain node, a start costs a fraction of that. The bundles hold only our own
// sources: every package (better-sqlite3's native addon, zod, exceljs …) is loaded
// from node_modules as under tsx, so the code under test is the same.

/** The scripts the e2e runs, by their source path; built to <outDir>/<name>.mjs. */
export const e2eTools = {
  cli: 'electron/cli/main.ts',
  'web-host': 'scripts/web-host/main.ts',
  'core-worker': 'electron/core-host/worker-main.ts',
  'sample-data': 'tests/e2e/support/sample-data.ts',
  'steering-setup': 'tests/e2e/support/steering-setup.ts',
  'acceptance-steps': 'tests/e2e/support/acceptance-steps.ts',
} as const;

export type E2eTool = keyof typeof e2eTools;

/** Where the bundles go: inside the repository, so `better-sqlite3` and the others resolve from its node_modules. */
export function toolsDir(repoRoot: string): string {
  return path.join(repoRoot, 'dist', 'e2e-tools');
}

export function toolFile(repoRoot: string, tool: E2eTool): string {
  return path.join(toolsDir(repoRoot), `${tool}.mjs`);
}

/**
 * Sources find files beside themselves with import.meta.url (db/open.ts its
 * migrations). In a bundle that would be the bundle's URL, so each of our modules
 * gets its own source file's URL instead, and resolves the same paths as under tsx.
 */
function sourceImportMetaUrl(repoRoot: string): Plugin {
  return {
    name: 'qkl-source-import-meta-url',
    setup(plugin) {
      plugin.onLoad({ filter: /\.(ts|mts|mjs)$/ }, async (args) => {
        if (!args.path.startsWith(repoRoot) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: source.replaceAll('import.meta.url', url), loader: args.path.endsWith('.mjs') ? 'js' : 'ts' };
      });
    },
  };
}

/** Builds every tool once (about a second); the run's globalSetup calls this. */
export async function buildE2eTools(repoRoot: string): Promise<void> {
  const outDir = toolsDir(repoRoot);
  if (existsSync(outDir)) await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: Object.entries(e2eTools).map(([out, source]) => ({ in: source, out })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: repoRoot,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // beside the bundles, for NODE_OPTIONS=--enable-source-maps when a trace needs the source lines
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceImportMetaUrl(repoRoot)],
  });
}
