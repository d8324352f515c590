// Sample-data CLI: writes a generated district as a ledger file (xlsx or CSV), or inserts it
// into an initialised QKL database.
//   npx tsx scripts/sample-data/main.ts --out DIR [--units 300] [--seed 1] [--format xlsx|csv-gbk|csv-utf8]
//     [--defects] [--header-variants] [--generic-sheet-names] [--as-of YYYY-MM-DD] [--json]
//   npx tsx scripts/sample-data/main.ts --db FILE [--units 300] [--seed 1] [--as-of YYYY-MM-DD] [--json]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/open.ts';
import { isoDay, parseDay } from './dates.ts';
import { generateDistrict } from './generate.ts';
import { insertModel } from './insert.ts';
import type { SampleModel } from './model.ts';
import { writeLedgerCsv } from './write-csv.ts';
import { writeLedgerXlsx, type LedgerFileResult } from './write-xlsx.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    db: { type: 'string' },
    units: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string', default: 'xlsx' },
    'as-of': { type: 'string' },
    defects: { type: 'boolean', default: false },
    'header-variants': { type: 'boolean', default: false },
    'generic-sheet-names': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function counts(model: SampleModel) {
  return { units: model.units.length, equipment: model.equipment.length, managers: model.managers.length };
}

async function writeFiles(model: SampleModel, out: string): Promise<LedgerFileResult[]> {
  mkdirSync(out, { recursive: true });
  const stem = `seed${model.seed}-u${model.units.length}`;
  const common = { defects: values.defects, headerVariants: values['header-variants'] };
  if (values.format === 'xlsx') {
    const sheetNames = values['generic-sheet-names'] ? { equipment: 'Sheet1', managers: 'Sheet2' } : undefined;
    return [await writeLedgerXlsx(model, path.join(out, `ledger-${stem}.xlsx`), { ...common, sheetNames })];
  }
  if (values.format !== 'csv-gbk' && values.format !== 'csv-utf8') fail(`--format 只能是 xlsx、csv-gbk 或 csv-utf8，而不是“${values.format}”`);
  const encoding = values.format === 'csv-gbk' ? 'gbk' : 'utf8';
  return [
    await writeLedgerCsv(model, path.join(out, `equipment-${stem}.csv`), { ...common, encoding, sheet: 'equipment' }),
    await writeLedgerCsv(model, path.join(out, `managers-${stem}.csv`), { ...common, encoding, sheet: 'managers' }),
  ];
}

function insertInto(model: SampleModel, file: string) {
  if (!existsSync(file)) fail(`数据库文件不存在：${file}（请先用 qkl init 初始化）`);
  const database = openDatabase({ file });
  try {
    const node = database.sqlite.prepare('SELECT id, district_id AS districtId FROM node_identity').get() as { id: string; districtId: string | null } | undefined;
    if (!node?.districtId) fail(`数据库尚未初始化为分局节点：${file}（请先用 qkl init --role district 初始化）`);
    return insertModel(database.sqlite, model, { nodeId: node.id, districtId: node.districtId });
  } finally {
    database.close();
  }
}

const units = Number(values.units);
const seed = Number(values.seed);
if (!Number.isInteger(units) || units < 1) fail('--units 应为正整数');
if (!Number.isInteger(seed)) fail('--seed 应为整数');
if (!values.out && !values.db) fail('请指定 --out 目录（写台账文件）或 --db 数据库文件（直接写入）');
const asOfText = values['as-of'] ?? isoDay(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) fail('--as-of 应为 YYYY-MM-DD');

const started = performance.now();
const model = generateDistrict({ seed, units, asOf: parseDay(asOfText) });
const summary = { seed, asOf: model.asOf, model: counts(model) };

if (values.db) {
  const inserted = insertInto(model, values.db);
  const ms = Math.round(performance.now() - started);
  if (values.json) console.log(JSON.stringify({ ...summary, db: path.resolve(values.db), inserted: { units: inserted.units, equipment: inserted.equipment, managers: inserted.managers }, ms }));
  else console.log(`inserted into ${values.db}: ${inserted.units} units, ${inserted.equipment} equipment, ${inserted.managers} managers (seed ${seed}, as of ${model.asOf}, ${ms} ms)`);
} else {
  const files = await writeFiles(model, values.out!);
  const ms = Math.round(performance.now() - started);
  if (values.json) {
    // one report over all files written (CSV: one file per sheet)
    const reports = files.flatMap((f) => (f.defects ? [f.defects] : []));
    const defects = reports.length
      ? {
          errors: reports.flatMap((r) => r.errors),
          warnings: reports.flatMap((r) => r.warnings),
          folded: reports.flatMap((r) => r.folded),
          imported: Object.assign({}, ...reports.map((r) => r.imported)) as object,
        }
      : null;
    console.log(JSON.stringify({ ...summary, files: files.map((f) => ({ file: f.file, sheets: f.sheets })), defects, ms }, null, 2));
  } else {
    console.log(`seed ${seed}, as of ${model.asOf}: ${summary.model.units} units, ${summary.model.equipment} equipment, ${summary.model.managers} managers (${ms} ms)`);
    for (const f of files) {
      console.log(`wrote ${f.file}`);
      for (const s of f.sheets) console.log(`  ${s.name}: header at row ${s.headerRow}, ${s.dataRows} data rows (rows ${s.headerRow + 1}–${s.lastRow})`);
      if (f.defects) console.log(`  defects: ${f.defects.errors.length} errors, ${f.defects.warnings.length} warnings, ${f.defects.folded.length} folded (--json prints the expected report)`);
    }
  }
}
