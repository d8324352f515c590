import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The data-layer and renderer counts of issue 18, so that a change can say what it
// moved: raw write SQL outside named hot paths, prepared statements, drizzle and
// write-layer calls, hand-written version bumps and audit appends, cast query
// results; `let live` effects and useLoad users in the renderer.
//
//   npx tsx scripts/structure-counts.ts [repo root] [--json]
//
// A raw write that must stay (a measured hot path) has the comment
// `// hot path: scripts/bench/<name>.ts` on its line or up to HOT_REACH lines above
// it; it is counted apart, and a comment naming a missing benchmark is listed.

const HOT_REACH = 8;
const args = process.argv.slice(2);
const json = args.includes('--json');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');

function sourceFiles(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => /\.(ts|tsx)$/.test(f) && keep(f))
    .sort();
}

// test helpers (testing/, test-fixtures.ts) count: they are not *.test.ts files
const isTestFile = (f: string) => /\.test\.tsx?$/.test(f);
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

// also after an escape inside a string (`\tDELETE FROM …`) and into a table named at run time (`UPDATE ${table} SET`)
const RAW_WRITE = /(?:\b|(?<=\\[tn]))(INSERT (OR \w+ )?INTO|UPDATE ([a-z_]+|\$\{[^}]+\}) SET|DELETE FROM)\b/;
// A write inside a trigger body that code generates (`CREATE TRIGGER … BEGIN` on the
// lines just above, no `END;` between) is schema text pasted into a migration, not a
// runtime write (sync/change-log-triggers.ts): counted apart, never as a raw write.
const TRIGGER_REACH = 6;
function inGeneratedTrigger(lines: string[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - TRIGGER_REACH); j--) {
    if (/\bEND;/.test(lines[j]!)) return false;
    if (/'BEGIN'|\bBEGIN$/.test(lines[j]!)) return lines.slice(Math.max(0, j - 3), j).some((l) => /CREATE TRIGGER/.test(l));
  }
  return false;
}
const HOT_PATH = /\/\/ hot path: (scripts\/bench\/[\w./-]+\.ts)/;
const DRIZZLE = /\b(db|tx)\s*\.\s*(select|selectDistinct|insert|update|delete)\s*\(/g;
const LAYER = /Rows\s*\.\s*(insert|insertMany|update|updateMany|updateChanged|remove|removeWhere|removeChildrenOf)\s*\(/g;
// `.get(x) as Row`: a cast to a named type on one line (as the issue counted them) …
const NAMED_CAST = /\.(get|all)\([^)]*\) as [A-Z]/g;
// … and every cast of a query result (`as number`, `as { … }`, across lines)
const CAST = /\.(get|all)\((?:[^()]|\([^()]*\))*\)\s*as\s+(?!const\b)/g;

const core = {
  files: 0,
  rawWriteLines: 0,
  rawWriteFiles: 0,
  hotPathWriteLines: 0,
  hotPathWriteFiles: 0,
  triggerTextLines: 0,
  prepare: 0,
  drizzleBuilderCalls: 0,
  writeLayerCalls: 0,
  versionPlusOne: 0,
  appendAudit: 0,
  getAllCasts: 0,
  getAllCastsAnyType: 0,
};
const missingBenchmarks: string[] = [];
const rawWriteFiles: string[] = [];

for (const file of sourceFiles(path.join(root, 'electron/core'), (f) => !isTestFile(f))) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  core.files++;
  let raw = 0;
  let hot = 0;
  lines.forEach((line, i) => {
    const bench = HOT_PATH.exec(line)?.[1];
    if (bench && !existsSync(path.join(root, bench))) missingBenchmarks.push(`${path.relative(root, file)}:${i + 1} ${bench}`);
    if (!RAW_WRITE.test(line)) return;
    if (inGeneratedTrigger(lines, i)) {
      core.triggerTextLines++;
      return;
    }
    const named = lines.slice(Math.max(0, i - HOT_REACH), i + 1).some((l) => HOT_PATH.test(l));
    if (named) hot++;
    else raw++;
  });
  core.rawWriteLines += raw;
  core.hotPathWriteLines += hot;
  if (raw > 0) {
    core.rawWriteFiles++;
    rawWriteFiles.push(`${path.relative(root, file)} (${raw})`);
  }
  if (hot > 0) core.hotPathWriteFiles++;
  // typed statements (`.prepare<Params, Row>(`) count too
  core.prepare += count(text, /\.prepare(?:<[^()]*?>)?\(/g);
  core.drizzleBuilderCalls += count(text, DRIZZLE);
  core.writeLayerCalls += count(text, LAYER);
  core.versionPlusOne += count(text, /version\s*=\s*version\s*\+\s*1/g);
  core.appendAudit += count(text, /(?<!function )appendAudit\(/g);
  core.getAllCasts += count(text, NAMED_CAST);
  core.getAllCastsAnyType += count(text, CAST);
}

const renderer = { letLiveEffects: 0, useLoadUsers: 0 };
for (const file of sourceFiles(path.join(root, 'renderer/src'), (f) => !isTestFile(f))) {
  const text = readFileSync(file, 'utf8');
  renderer.letLiveEffects += count(text, /\blet live\b/g);
  if (/\buseLoad\(/.test(text) && !/export function useLoad\b/.test(text)) renderer.useLoadUsers++;
}

if (json) {
  console.log(JSON.stringify({ core, renderer, rawWriteFiles, missingBenchmarks }, null, 2));
} else {
  const rows: [string, number | string][] = [
    ['electron/core non-test files', core.files],
    ['raw write SQL outside named hot paths (INSERT/UPDATE/DELETE)', `${core.rawWriteLines} lines in ${core.rawWriteFiles} files`],
    ['raw write SQL in named hot paths', `${core.hotPathWriteLines} lines in ${core.hotPathWriteFiles} files`],
    ['generated trigger text (not runtime writes)', `${core.triggerTextLines} lines`],
    ['.prepare( calls (typed or not)', core.prepare],
    ['drizzle builder calls (db/tx .select/.insert/.update/.delete)', core.drizzleBuilderCalls],
    ['write-layer calls (…Rows.insert/update/remove…)', core.writeLayerCalls],
    ['version = version + 1', core.versionPlusOne],
    ['appendAudit( calls (not its definition)', core.appendAudit],
    ['.get()/.all() as X casts (named type, one line)', core.getAllCasts],
    ['  every cast of a query result (as number, as {…}, multi-line)', core.getAllCastsAnyType],
    ['renderer/src `let live` effects', renderer.letLiveEffects],
    ['renderer/src useLoad( users (files)', renderer.useLoadUsers],
  ];
  for (const [label, value] of rows) console.log(`${label.padEnd(64)} ${value}`);
  if (missingBenchmarks.length > 0) {
    console.log('\nhot-path comments naming a missing benchmark:');
    for (const m of missingBenchmarks) console.log(`  ${m}`);
  }
}
