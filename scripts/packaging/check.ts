import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { MIGRATIONS_RESOURCE, runtimeAppFiles } from './builder-config.ts';
import type { ReleaseConfig } from './release-config.ts';

// Without Electron: is everything the packaged app needs at run time in what
// electron-builder packs? The app's bundles and UI in app.asar, the migrations and
// the icon as resources, the native module unpacked and rebuilt, the .qklb
// association, and the release's update server and publisher. Each rule names
// where the app reads the file, so a moved file fails here, not on a clerk's PC.

/** electron-builder's file patterns: `**`, `*`, `?`, and `!` to exclude (the last match wins). */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // "**/" matches any depth including none; a trailing "**" matches everything below
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function matchesFileSet(file: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(file)) included = !negated;
  }
  return included;
}

const asList = <T>(value: T | T[] | null | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

type ResourceSet = { from: string; to: string; filter: string[] };

function resourceSets(config: Configuration): ResourceSet[] {
  return asList(config.extraResources as unknown).map((entry) => {
    if (typeof entry === 'string') return { from: entry, to: entry, filter: ['**/*'] };
    const e = entry as { from?: string; to?: string; filter?: string | string[] };
    return { from: e.from ?? '', to: e.to ?? e.from ?? '', filter: asList(e.filter ?? '**/*') };
  });
}

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

export interface CheckInput {
  root: string;
  config: Configuration;
  release: ReleaseConfig;
}

export function checkPackaging({ root, config, release }: CheckInput): string[] {
  const problems: string[] = [];
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const pkg = JSON.parse(read('package.json')) as { main?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const mainSource = read('electron/main/index.ts');
  const utilitySource = read('electron/core-host/utility-main.ts');
  const buildSource = read('scripts/build-electron.ts');

  // 1. the app's own files, in app.asar
  const files = asList(config.files as string | string[]);
  for (const file of runtimeAppFiles) {
    if (!matchesFileSet(file, files)) problems.push(`${file} is loaded at run time but not in "files"`);
  }
  if (pkg.main !== 'dist/electron/main.cjs') problems.push(`package.json "main" is ${pkg.main}, the build writes dist/electron/main.cjs`);
  for (const bundle of ['main.cjs', 'preload.cjs', 'core-process.cjs', 'core-worker.cjs']) {
    if (!buildSource.includes(`'${bundle}'`)) problems.push(`scripts/build-electron.ts does not write dist/electron/${bundle}`);
  }
  if (!mainSource.includes("'dist/electron/preload.cjs'")) problems.push('electron/main/index.ts no longer loads dist/electron/preload.cjs: update runtimeAppFiles');
  if (!mainSource.includes("'dist/renderer'")) problems.push('electron/main/index.ts no longer serves dist/renderer: update runtimeAppFiles');
  if (!mainSource.includes("'core-process.cjs'")) problems.push('electron/main/index.ts no longer forks core-process.cjs: update runtimeAppFiles');
  if (!utilitySource.includes("'core-worker.cjs'")) problems.push('electron/core-host/utility-main.ts no longer starts core-worker.cjs: update runtimeAppFiles');
  const viteConfig = read('renderer/vite.config.ts');
  if (!/dist\/renderer/.test(viteConfig)) problems.push('renderer/vite.config.ts does not build into dist/renderer');

  // 2. resources beside app.asar
  const sets = resourceSets(config);
  const migrations = sets.find((s) => s.from === 'db/migrations');
  if (!migrations) problems.push('the migrations (db/migrations) are not in "extraResources"');
  else {
    if (migrations.to !== MIGRATIONS_RESOURCE) problems.push(`migrations go to resources/${migrations.to}, the app reads resources/${MIGRATIONS_RESOURCE}`);
    if (!mainSource.includes(`resourcePath('${MIGRATIONS_RESOURCE}'`)) problems.push(`electron/main/index.ts does not pass resources/${MIGRATIONS_RESOURCE} as the migrations folder`);
    const needed = [...filesUnder(path.join(root, 'db/migrations')).filter((f) => f.endsWith('.sql') && !f.includes('/')), 'meta/_journal.json'];
    for (const file of needed) if (!matchesFileSet(file, migrations.filter)) problems.push(`db/migrations/${file} is needed at start but not packed (extraResources filter)`);
    const journal = JSON.parse(read('db/migrations/meta/_journal.json')) as { entries: Array<{ tag: string }> };
    for (const { tag } of journal.entries) if (!existsSync(path.join(root, 'db/migrations', `${tag}.sql`))) problems.push(`the migration journal names ${tag}.sql, which does not exist`);
  }
  const icon = sets.find((s) => s.from === 'resources' && matchesFileSet('icon.png', s.filter));
  if (!icon || !existsSync(path.join(root, 'resources/icon.png'))) problems.push('resources/icon.png (the window icon on Linux) is not packed');
  else if (!mainSource.includes(`resourcePath('${icon.to}/icon.png'`)) problems.push(`electron/main/index.ts reads the icon from elsewhere than resources/${icon.to}/icon.png`);

  // data files of the core are compiled into core-worker.cjs by their JSON imports; any other must be packed
  const sources = filesUnder(path.join(root, 'electron'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => read(`electron/${f}`))
    .join('\n');
  for (const data of filesUnder(path.join(root, 'resources')).filter((f) => f.endsWith('.json'))) {
    const imported = sources.includes(`resources/${data}'`);
    const packed = sets.some((s) => s.from === 'resources' && matchesFileSet(data, s.filter));
    if (!imported && !packed) problems.push(`resources/${data} is neither compiled into the core (a JSON import) nor packed`);
  }

  // 3. the native module
  if (!pkg.dependencies?.['better-sqlite3']) problems.push('better-sqlite3 must be a dependency (electron-builder packs and rebuilds only dependencies)');
  if (!asList(config.asarUnpack as string | string[]).some((p) => globToRegExp(p).test('node_modules/better-sqlite3/build/Release/better_sqlite3.node'))) {
    problems.push('better_sqlite3.node is not unpacked from app.asar (asarUnpack)');
  }
  if (config.npmRebuild !== true) problems.push('npmRebuild must be on: better-sqlite3 has to be rebuilt for Electron’s ABI');
  if (!/core-worker\.cjs', \['better-sqlite3'\]/.test(buildSource)) problems.push('the core worker bundle must keep better-sqlite3 external (it cannot be inlined)');
  if (!pkg.dependencies?.['electron-updater']) problems.push('electron-updater must be a dependency');

  // 4. what the desktop promises
  if (!asList(config.fileAssociations).some((a) => asList(a.ext).includes('qklb'))) problems.push('.qklb is not associated with the app');
  const publish = asList(config.publish as unknown).find((p) => (p as { provider?: string }).provider === 'generic') as { url?: string } | undefined;
  if (publish?.url !== release.updateUrl) problems.push(`publish url ${publish?.url} is not the release config's updateUrl ${release.updateUrl}`);
  const meta = (config.extraMetadata as { qklRelease?: { updateUrl?: string } } | undefined)?.qklRelease;
  if (meta?.updateUrl !== release.updateUrl) problems.push('the packaged package.json would not carry the release’s update server (extraMetadata.qklRelease)');
  const publisher = (config.win as { signtoolOptions?: { publisherName?: string | string[] } } | undefined)?.signtoolOptions?.publisherName;
  if (!asList(publisher).includes(release.windowsPublisherName)) problems.push('the Windows publisher name (updates must be signed by it) is not the release config’s');
  return problems;
}
