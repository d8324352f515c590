// Bundles the Electron processes with esbuild:
//   electron/main/index.ts               → dist/electron/main.cjs          the window, menu, dialogs (no database)
//   electron/preload/index.ts            → dist/electron/preload.cjs       the sandboxed preload
//   electron/core-host/utility-main.ts   → dist/electron/core-process.cjs  the core process (utilityProcess)
//   electron/core-host/worker-main.ts    → dist/electron/core-worker.cjs   the core's threads (database, domain)
// Run with `npx tsx scripts/build-electron.ts` (npm run build:electron).
import { mkdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { callNames, IPC_PREFIX } from '../electron/api/contract.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');

// Sources are ESM and use import.meta.url (db/open.ts finds its migrations with it).
// In a CommonJS bundle import.meta is empty, so it is replaced by the bundle's own
// file URL: harmless, because the shell passes migrationsDir explicitly.
const importMetaUrlShim = {
  define: { 'import.meta.url': '__qklImportMetaUrl' },
  banner: { js: "const __qklImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  absWorkingDir: root,
  logLevel: 'warning',
  legalComments: 'none',
  sourcemap: false,
  // readable names in the stack traces that end up in logs
  minify: false,
};

const nodeBundle = (entry: string, file: string, external: string[]): BuildOptions => ({
  ...common,
  ...importMetaUrlShim,
  entryPoints: [entry],
  outfile: path.join(outDir, file),
  platform: 'node',
  // Electron 45 ships Node 22
  target: 'node22',
  external,
});

// electron is provided by the runtime; better-sqlite3 is a native addon that
// electron-builder rebuilds for Electron's ABI and cannot be inlined. Only the core's
// threads load it: the main process never touches the database.
const mainBundle = nodeBundle('electron/main/index.ts', 'main.cjs', ['electron']);
const coreProcessBundle = nodeBundle('electron/core-host/utility-main.ts', 'core-process.cjs', []);
const coreWorkerBundle = nodeBundle('electron/core-host/worker-main.ts', 'core-worker.cjs', ['better-sqlite3']);

/**
 * The preload needs only the call names and the channel prefix, but importing the
 * contract would pull zod and every schema into each page load (~750 KB). The
 * contract is evaluated here, at build time, and the preload gets just the two
 * values; importing anything else from the contract in the preload fails the build.
 */
const contractNamesOnly: Plugin = {
  name: 'qkl-contract-names-only',
  setup(plugin) {
    plugin.onResolve({ filter: /[\\/]api[\\/]contract\.ts$/ }, (args) => ({ path: args.path, namespace: 'qkl-contract' }));
    plugin.onLoad({ filter: /.*/, namespace: 'qkl-contract' }, () => ({
      contents: `export const callNames = Object.freeze(${JSON.stringify(callNames)});\nexport const IPC_PREFIX = ${JSON.stringify(IPC_PREFIX)};\n`,
      loader: 'js',
    }));
  },
};

const preloadBundle: BuildOptions = {
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: path.join(outDir, 'preload.cjs'),
  // A sandboxed preload runs in a browser-like context whose require() knows only
  // a few modules: everything but electron must be inside this one file.
  platform: 'browser',
  // Chromium 140 in Electron 45
  target: 'chrome140',
  external: ['electron'],
  plugins: [contractNamesOnly],
};

/** Every module a bundle still requires at run time. */
function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2]!);
}

function check(file: string, allowed: readonly string[], options: { allowDynamic: boolean }): void {
  const code = readFileSync(file, 'utf8');
  const name = path.relative(root, file);
  const extra = requiredModules(code).filter((module) => !allowed.includes(module));
  if (extra.length > 0) throw new Error(`${name} requires modules it cannot load: ${[...new Set(extra)].join(', ')}`);
  // require(variable) cannot be checked here, and in the sandbox it could only fail
  if (!options.allowDynamic && /\brequire\((?!\s*['"`])/.test(code)) throw new Error(`${name} contains a dynamic require()`);
}

async function run(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const bundles = [mainBundle, preloadBundle, coreProcessBundle, coreWorkerBundle];
  await Promise.all(bundles.map((options) => build(options)));
  check(path.join(outDir, 'preload.cjs'), ['electron'], { allowDynamic: false });
  const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
  check(path.join(outDir, 'main.cjs'), ['electron', ...nodeBuiltins], { allowDynamic: true });
  // the core process and its threads run without Electron's modules
  check(path.join(outDir, 'core-process.cjs'), nodeBuiltins, { allowDynamic: true });
  check(path.join(outDir, 'core-worker.cjs'), ['better-sqlite3', ...nodeBuiltins], { allowDynamic: true });
  console.log(`built ${bundles.map((b) => path.relative(root, b.outfile!)).join(', ')}`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
