// Benchmark: importing a 100,000-row ledger (preview + apply) against a bare
// streaming read of the same file with the same xlsx library, in the same run.
// Goal (issue 20): import ≤ 1.25× (bare read + write floor), peak memory under 400 MB including
// closing the database. The bare read is
// the reader the import uses (yauzl + saxes); exceljs's streaming reader, the stack's xlsx
// library that the import used before, is printed beside it for comparison.
//   npx tsx scripts/bench/import-ledger.ts [rows=100000] [--runs 2] [--keep]
// It also prints the write floor: what SQLite alone takes to write the same rows into the
// same schema (see writeFloor), and read + floor, the least any preview-then-apply import can take.
// Two floors: with the pieces' derived data (search index, counts, risk marks, written in bulk),
// which the import writes and the goal is measured against, and without it, for comparison.
// Each measurement runs in a fresh child process, so its peak RSS (maxRSS) is its
// own and not the generator's. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MAX_COLUMNS } from '../../electron/core/sheets/caps.ts';
import { readXlsx } from '../../electron/core/sheets/xlsx-reader.ts';
import { insertWithBulkChangeLog } from '../../electron/core/bundles/bulk-change-log.ts';
import { insertPiecesInBulk } from '../../electron/core/ledger/bulk-derived.ts';
import { forgetRecentSortKeys } from '../../electron/core/pinyin.ts';
import { generateDistrict } from '../sample-data/generate.ts';
import { writeLedgerXlsx } from '../sample-data/write-xlsx.ts';
import { tempDir } from '../../tests/support/temp.ts';

const self = fileURLToPath(import.meta.url);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface ChildResult {
  ms: number;
  /** user + system CPU of the timed part alone (all threads): the steadier figure when other work shares the machine */
  timedCpuMs: number;
  /** user + system CPU of the whole process (zlib and GC threads included): steadier than wall time on a shared machine */
  cpuMs: number;
  maxRssKb: number;
  detail: Record<string, unknown>;
}

/**
 * The baseline: every row of every sheet, every cell's value touched, nothing else, with the
 * xlsx reader the import uses (yauzl + saxes, electron/core/sheets/xlsx-reader.ts).
 */
async function bareRead(file: string): Promise<Record<string, unknown>> {
  const source = readXlsx(file, MAX_COLUMNS);
  let rows = 0;
  let cells = 0;
  try {
    for await (const sheet of source.sheets) {
      for await (const batch of sheet.batches) {
        for (const row of batch) {
          rows++;
          for (const value of row.cells) if (value !== null) cells++;
        }
      }
    }
  } finally {
    source.close();
  }
  return { rows, cells };
}

/** The same baseline with exceljs's streaming reader (shared strings cached, styles ignored). */
async function exceljsRead(file: string): Promise<Record<string, unknown>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  let rows = 0;
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      (row as ExcelJS.Row).eachCell(() => cells++);
    }
  }
  return { rows, cells };
}

/** The equipment insert triggers that keep derived data (search index, counts, risk marks): the bare floor goes without them. */
const derivedTriggers = ['equipment_search_insert', 'equipment_counts_insert', 'equipment_risk_insert'];

/**
 * The least any apply can cost: the rows the import wrote, copied into an empty database of the
 * same schema by SQLite alone (INSERT … SELECT from an in-memory table: no JavaScript per row, no
 * checks), with the same indexes, foreign keys, change log and commit (synchronous = FULL).
 * `derived`: whether the pieces' search index, per-unit counts and risk marks are written too,
 * the cheapest way SQLite has (one INSERT … SELECT each over the new pieces, insertPiecesInBulk),
 * or not at all (their triggers dropped in the copy).
 */
async function writeFloor(source: string, derived: boolean): Promise<{ insertMs: number; commitMs: number; cpuMs: number }> {
  const { districtCore } = await import('../../tests/support/core.ts');
  const target = await districtCore();
  try {
    const { sqlite } = target.core.ctx.database;
    const tables = ['units', 'equipment', 'safety_managers'] as const;
    sqlite.prepare('ATTACH ? AS src').run(source);
    for (const table of tables) sqlite.exec(`CREATE TEMP TABLE copy_${table} AS SELECT * FROM src.${table} ORDER BY rowid`);
    sqlite.exec('DETACH src');
    const ids = Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT id FROM temp.copy_${table}`).pluck().all() as string[]]));
    if (!derived) for (const name of derivedTriggers) sqlite.exec(`DROP TRIGGER ${name}`);
    let insertMs = 0;
    const cpuStarted = cpuNow();
    const started = performance.now();
    sqlite.transaction(() => {
      for (const table of tables) {
        const insert = () => insertWithBulkChangeLog(sqlite, table, ids[table]!, () => sqlite.exec(`INSERT INTO main.${table} SELECT * FROM temp.copy_${table}`));
        if (derived && table === 'equipment') insertPiecesInBulk(sqlite, 'bench', ids[table]!, insert);
        else insert();
      }
      insertMs = performance.now() - started;
    })();
    return { insertMs, commitMs: performance.now() - started - insertMs, cpuMs: cpuNow() - cpuStarted };
  } finally {
    target.cleanup();
  }
}

async function importFile(file: string): Promise<Record<string, unknown>> {
  const { districtCore } = await import('../../tests/support/core.ts');
  const t = await districtCore();
  try {
    const cpuStarted = cpuNow();
    const started = performance.now();
    const preview = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
    const previewMs = performance.now() - started;
    const previewCpuMs = cpuNow() - cpuStarted;
    const applied = await t.ok('ledger.apply', { planId: preview.planId });
    const applyMs = performance.now() - started - previewMs;
    return {
      previewMs,
      applyMs,
      previewCpuMs,
      applyCpuMs: cpuNow() - cpuStarted - previewCpuMs,
      // the peak through apply: closing the database afterwards (PRAGMA optimize reads the new
      // rows through SQLite's memory map, counted in RSS) is not the import, and is reported apart
      peakRssKb: process.resourceUsage().maxRSS,
      units: applied.units,
      equipment: applied.equipment,
      managers: applied.managers,
      errors: applied.errors.length,
      warnings: applied.warnings.length,
      duplicatesFolded: applied.duplicatesFolded,
    };
  } finally {
    t.cleanup();
  }
}

/** The floor of the rows this file imports: imported first (not timed), then copied by writeFloor. */
async function floorOf(file: string, derived: boolean): Promise<Record<string, unknown>> {
  const { districtCore } = await import('../../tests/support/core.ts');
  const t = await districtCore();
  try {
    const preview = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
    await t.ok('ledger.apply', { planId: preview.planId });
    // the name_sort triggers of the floor compute every key, as a write of rows from elsewhere
    // would: not from the keys this process remembers of the import above (pinyin.ts)
    forgetRecentSortKeys();
    return await writeFloor(t.file, derived);
  } finally {
    t.cleanup();
  }
}

const readers: Record<string, (file: string) => Promise<Record<string, unknown>>> = {
  read: bareRead,
  exceljs: exceljsRead,
  import: importFile,
  floor: (file) => floorOf(file, true),
  bareFloor: (file) => floorOf(file, false),
};

async function child(kind: string, file: string): Promise<void> {
  const cpuStarted = cpuNow();
  const started = performance.now();
  const detail = await readers[kind]!(file);
  const readCpuMs = cpuNow() - cpuStarted;
  // the import is timed from preview to the end of apply, the floor from its first insert to its
  // commit; neither counts creating the empty database
  const ms =
    kind === 'import'
      ? (detail['previewMs'] as number) + (detail['applyMs'] as number)
      : kind === 'floor' || kind === 'bareFloor'
        ? (detail['insertMs'] as number) + (detail['commitMs'] as number)
        : performance.now() - started;
  const { user, system } = process.cpuUsage();
  const afterAll = process.resourceUsage().maxRSS;
  const maxRssKb = kind !== 'import' ? afterAll : (detail['peakRssKb'] as number);
  if (kind === 'import') detail['peakRssWithCloseKb'] = afterAll;
  const timedCpuMs =
    kind === 'import' ? (detail['previewCpuMs'] as number) + (detail['applyCpuMs'] as number) : kind === 'floor' || kind === 'bareFloor' ? (detail['cpuMs'] as number) : readCpuMs;
  const result: ChildResult = { ms, timedCpuMs, cpuMs: (user + system) / 1000, maxRssKb, detail };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function measure(kind: 'read' | 'exceljs' | 'import' | 'floor' | 'bareFloor', file: string): ChildResult {
  const run = spawnSync(process.execPath, [...process.execArgv, self, '--child', kind, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${kind} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 1;
  const rowArg = args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs');
  const rows = Number(rowArg ?? 100_000);
  const temp = tempDir('qkl-bench-');

  // ~17 pieces per unit on average; cut to the row count and keep only managers of units still present
  const model = generateDistrict({ seed: 7, units: Math.ceil(rows / 15) });
  if (model.equipment.length < rows) throw new Error(`only ${model.equipment.length} pieces generated`);
  model.equipment.length = rows;
  const present = new Set(model.equipment.map((e) => e.unitIndex));
  model.managers = model.managers.filter((m) => present.has(m.unitIndex));
  const file = temp.file('ledger.xlsx');
  const written = await writeLedgerXlsx(model, file, { defects: true });
  console.log(`ledger: ${written.sheets.map((s) => `${s.name} ${s.dataRows} rows`).join(', ')}; ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);

  const reads: ChildResult[] = [];
  const exceljsReads: ChildResult[] = [];
  const imports: ChildResult[] = [];
  const floors: ChildResult[] = [];
  const bareFloors: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    reads.push(measure('read', file));
    exceljsReads.push(measure('exceljs', file));
    imports.push(measure('import', file));
    floors.push(measure('floor', file));
    bareFloors.push(measure('bareFloor', file));
  }
  const best = (list: ChildResult[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
  const bestCpu = (list: ChildResult[]) => list.reduce((a, b) => (b.timedCpuMs < a.timedCpuMs ? b : a)).timedCpuMs;
  const read = best(reads);
  const imp = best(imports);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (const [label, list] of [['bare streaming read', reads], ['exceljs streaming read', exceljsReads], ['import (preview+apply)', imports], ['write floor', floors], ['floor w/o derived data', bareFloors]] as const) {
    console.log(
      `${label.padEnd(22)}: runs ${list.map((r) => s(r.ms)).join(', ')}; CPU of the timed part ${list.map((r) => s(r.timedCpuMs)).join(', ')}; process CPU ${list.map((r) => s(r.cpuMs)).join(', ')}; peak RSS ${list.map((r) => mb(r.maxRssKb)).join(', ')}`,
    );
  }
  console.log(`import detail (best run): ${JSON.stringify(imp.detail)}`);
  console.log(`peak RSS including closing the database after the import: ${imports.map((r) => mb(r.detail['peakRssWithCloseKb'] as number)).join(', ')} (goal < 400 MB)`);
  console.log(`ratio import / read (best runs): ${(imp.ms / read.ms).toFixed(2)}; import / exceljs streaming read: ${(imp.ms / best(exceljsReads).ms).toFixed(2)}`);
  // Preview must read the whole file before apply may write: the two cannot overlap, so read + floor bounds the import from below.
  // The import's write includes the pieces' search index, per-unit counts and risk marks (the
  // home page, the lists and the search read them, kept in the same transaction): the goal is
  // measured against the floor WITH that derived data. The floor without it is printed beside,
  // so that the cost of the derived data is seen, not hidden in the baseline.
  const median = (list: ChildResult[], of: (r: ChildResult) => number) => {
    const sorted = list.map(of).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  for (const [label, list, goal] of [
    ['write floor with derived data (search index, counts, risk marks)', floors, ' (goal ≤ 1.25: the import writes them)'],
    ['write floor without derived data', bareFloors, ' (not the goal: the import must write them)'],
  ] as const) {
    const floor = best(list);
    const part = (key: string) => s(floor.detail[key] as number);
    console.log(`${label}, the same rows by SQLite alone, best: insert ${part('insertMs')} + commit ${part('commitMs')}; apply took ${s(imp.detail['applyMs'] as number)}`);
    console.log(`  read + floor: ${s(read.ms + floor.ms)}; import above it: ${s(imp.ms - read.ms - floor.ms)} (preview − read ${s((imp.detail['previewMs'] as number) - read.ms)}, apply − floor ${s((imp.detail['applyMs'] as number) - floor.ms)})`);
    const ratio = imp.ms / (read.ms + floor.ms);
    const cpuRatio = bestCpu(imports) / (bestCpu(reads) + bestCpu(list));
    const medianOf = (of: (r: ChildResult) => number) => median(imports, of) / (median(reads, of) + median(list, of));
    console.log(`  ratio import / (bare read + floor), best runs: ${ratio.toFixed(2)} wall, ${cpuRatio.toFixed(2)} CPU of the timed parts${goal}`);
    console.log(`  the same ratio of medians: ${medianOf((r) => r.ms).toFixed(2)} wall, ${medianOf((r) => r.timedCpuMs).toFixed(2)} CPU of the timed parts`);
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (wall times on a shared machine: read the CPU ratios)`);
  if (!args.includes('--keep')) temp.cleanup();
  else console.log(`kept ${file}`);
}

await main();
