// Benchmark (issue 20): grid.export of the whole 特种设备 grid (200,000 pieces × 8
// columns) through the core, next to a bare exceljs streaming WorkbookWriter writing
// the same cell values (read beforehand, held in memory) to a file in the same run.
//   npx tsx scripts/bench/grid-export.ts [pieces=200000] [runs=3]
// Prints each run and the median ratio; asserts nothing (speed goals are read, not tested).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { generateDistrict, type SizeBand } from '../sample-data/generate.ts';
import { insertModel } from '../sample-data/insert.ts';
import { districtCore } from '../../tests/support/core.ts';

const target = Number(process.argv[2] ?? 200_000);
const runs = Number(process.argv[3] ?? 3);
// the same district shape as equipment-query.ts: ~40 pieces a unit
const bands: SizeBand[] = [
  { profile: 'small', weight: 40, min: 1, max: 12 },
  { profile: 'medium', weight: 16, min: 11, max: 19 },
  { profile: 'cylinders', weight: 6, min: 8, max: 16 },
  { profile: 'large', weight: 26, min: 20, max: 80 },
  { profile: 'huge', weight: 12, min: 100, max: 240 },
];
const now = () => new Date('2026-12-01T02:00:00Z');
const t = await districtCore({ now });
const node = (await t.ok('node.get', {}))!.id;
{
  const model = generateDistrict({ seed: 20261201, units: Math.max(5, Math.round(target / 40)), equipmentPerUnit: bands });
  insertModel(t.core.ctx.database.sqlite, model, { nodeId: node, districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
  console.log(`data: ${model.units.length} units, ${model.equipment.length} pieces`);
}

const columns = [
  ['unitName', '使用单位名称'], ['equipmentCode', '设备代码'], ['registrationNo', '使用登记证编号'], ['kindName', '设备种类'],
  ['status', '设备状态'], ['nextInspectionDate', '下次检验日期'], ['inspectionStatus', '检验状态'], ['location', '设备使用地点'],
].map(([colId, header]) => ({ colId: colId!, header: header! }));

async function exportThroughCore(): Promise<{ ms: number; xlsx: Buffer }> {
  const started = performance.now();
  const file = await t.ok('grid.export', { grid: 'equipment', filter: {}, columns });
  return { ms: performance.now() - started, xlsx: Buffer.from(file.contentBase64, 'base64') };
}

/** The cell values of an export, read back from its xlsx, so the bare write has exactly the same rows. */
async function cellsOf(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1, columns.length + 1).map((v) => v ?? null));
  });
  return rows;
}

/** The floor: the same rows through exceljs' streaming writer with the same options, file written and read back once. */
async function bareWrite(rows: unknown[][]): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-bench-'));
  try {
    const file = path.join(dir, 'bare.xlsx');
    const started = performance.now();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('特种设备', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.colId, width: 16 }));
    sheet.getRow(1).commit();
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
    readFileSync(file);
    return performance.now() - started;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const first = await exportThroughCore(); // warms the statement cache and the catalogue
const rows = await cellsOf(first.xlsx);
console.log(`export: ${rows.length} rows × ${columns.length} columns, xlsx ${(first.xlsx.length / 1024 / 1024).toFixed(1)} MB\n`);
const ratios: number[] = [];
const cores: number[] = [];
const bares: number[] = [];
for (let i = 0; i < runs; i++) {
  // alternate the order so a neighbour's load hits both sides alike
  const bare = i % 2 ? await bareWrite(rows) : 0;
  const core = (await exportThroughCore()).ms;
  const bareMs = bare || (await bareWrite(rows));
  cores.push(core);
  bares.push(bareMs);
  ratios.push(core / bareMs);
  console.log(`run ${i + 1}: grid.export ${(core / 1000).toFixed(2)} s, bare exceljs ${(bareMs / 1000).toFixed(2)} s, ratio ${(core / bareMs).toFixed(2)}×`);
}
console.log(
  `\nmedian: grid.export ${(median(cores) / 1000).toFixed(2)} s, bare exceljs streaming write ${(median(bares) / 1000).toFixed(2)} s, ` +
    `ratio ${median(ratios).toFixed(2)}× (goal ≤ 1.5×)`,
);
t.cleanup();
