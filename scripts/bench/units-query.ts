// Benchmark: paging the 使用单位 grid from SQLite at city scale.
// Run: npx tsx scripts/bench/units-query.ts [rows=100000]
// Prints medians; it asserts nothing (speed goals are read, not tested).
import { performance } from 'node:perf_hooks';
import { newId } from '../../electron/core/ids.ts';
import { districtCore } from '../../tests/support/core.ts';
import { usccCheckChar } from '../../electron/core/validation/uscc.ts';

const rows = Number(process.argv[2] ?? 100_000);
const t = await districtCore();
const { sqlite } = t.core.ctx.database;
const node = (await t.ok('node.get', {}))!.id;

const insert = sqlite.prepare(
  `INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc, address) VALUES (?, ?, ?, ?, 'seed-district-03', ?, ?, ?)`,
);
const started = performance.now();
sqlite.transaction(() => {
  for (let i = 0; i < rows; i++) {
    const body = `91320582${String(i).padStart(9, '0')}`;
    const now = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    insert.run(newId(), node, now, now, `张家港市第${i}号机械有限公司`, body + usccCheckChar(body), `塘桥镇${i % 500}号路`);
  }
})();
console.log(`insert ${rows} units: ${(performance.now() - started).toFixed(0)} ms`);

async function time(label: string, input: Record<string, unknown>) {
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    total = (await t.ok('units.query', input)).total;
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} median ${samples[3]!.toFixed(1)} ms  (total ${total})`);
}

await time('first page, default order', { startRow: 0, endRow: 100 });
await time('page 500, default order', { startRow: 50_000, endRow: 50_100 });
await time('sort by name', { startRow: 0, endRow: 100, sort: [{ colId: 'name', sort: 'asc' }] });
await time('sort by equipment in use (computed)', { startRow: 0, endRow: 100, sort: [{ colId: 'equipmentInUse', sort: 'desc' }] });
await time('search "第4242号"', { startRow: 0, endRow: 100, search: '第4242号' });
t.cleanup();
