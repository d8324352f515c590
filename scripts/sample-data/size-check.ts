// Size check (not a test: too slow for the suite): generates 100,000 equipment rows, writes
// them as xlsx with the streaming writer, and prints time and peak memory; then counts the
// rows back with exceljs's streaming reader.
//   npx tsx scripts/sample-data/size-check.ts [rows=100000] [out=/tmp/qkl-size-check.xlsx] [--csv]
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generateDistrict } from './generate.ts';
import { writeLedgerCsv } from './write-csv.ts';
import { writeLedgerXlsx } from './write-xlsx.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rows = Number(args[0] ?? 100_000);
const out = args[1] ?? path.join(os.tmpdir(), 'qkl-size-check.xlsx');
const csv = process.argv.includes('--csv');

let peakRss = 0;
let peakHeap = 0;
let peakBuffers = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
};
const timer = setInterval(sample, 20);
let overallRss = 0;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const phase = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  // peaks per phase: the writer's memory is what this check is about
  sample();
  const before = process.memoryUsage();
  peakRss = before.rss;
  peakHeap = before.heapUsed;
  peakBuffers = before.arrayBuffers;
  const started = performance.now();
  const result = await run();
  sample();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${label.padEnd(28)} ${seconds} s   RSS ${mb(before.rss)} → peak ${mb(peakRss)}, heap peak ${mb(peakHeap)}, buffers peak ${mb(peakBuffers)}`);
  overallRss = Math.max(overallRss, peakRss);
  return result;
};

// ~20 pieces per unit on average: generate a little more than needed, then cut to `rows`.
const model = await phase('generate', () => {
  const m = generateDistrict({ seed: 1, units: Math.ceil(rows / 17) });
  if (m.equipment.length < rows) throw new Error(`only ${m.equipment.length} pieces generated`);
  m.equipment.length = rows;
  return m;
});
const result = await phase(csv ? 'write csv (gbk)' : 'write xlsx (streaming)', () =>
  csv ? writeLedgerCsv(model, out.replace(/\.xlsx$/, '.csv'), { encoding: 'gbk', sheet: 'equipment', defects: true }) : writeLedgerXlsx(model, out, { defects: true }),
);
console.log(`wrote ${result.file}: ${(statSync(result.file).size / 1024 / 1024).toFixed(1)} MB, ${result.sheets.map((s) => `${s.name} ${s.dataRows} rows`).join(', ')}`);

if (!csv) {
  const counted = await phase('read back (streaming reader)', async () => {
    let n = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(result.file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
    for await (const sheet of reader) {
      let count = 0;
      for await (const _row of sheet) count++;
      if (n === 0) n = count;
    }
    return n;
  });
  console.log(`first sheet read back: ${counted} rows (expected ${result.sheets[0]!.lastRow})`);
}
clearInterval(timer);
console.log(`peak RSS of the whole run ${mb(overallRss)}`);
