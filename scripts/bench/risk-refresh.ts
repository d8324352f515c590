// Benchmark: 风险分级 at city scale — a full rescore of 10,000 units and 200,000 pieces,
// a rescore of the units a write touched, and the units grid sorted and filtered by risk.
// Also the cost the dirty-unit triggers add to a bulk insert of equipment.
// Run: npx tsx scripts/bench/risk-refresh.ts [units=10000] [piecesPerUnit=20]
// Prints medians; it asserts nothing.
import { performance } from 'node:perf_hooks';
import { newId } from '../../electron/core/ids.ts';
import { usccCheckChar } from '../../electron/core/validation/uscc.ts';
import { districtCore } from '../../tests/support/core.ts';

const unitCount = Number(process.argv[2] ?? 10_000);
const perUnit = Number(process.argv[3] ?? 20);
const t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
const { sqlite } = t.core.ctx.database;
const node = (await t.ok('node.get', {}))!.id;

const kinds = [
  ['3000', '3100', '3110'],
  ['4000', '4800', '4810'],
  ['5000', '5100', '5110'],
  ['2000', '2100', '2110'],
  ['1000', '1100', '1110'],
  ['8000', '8200', '8210'],
] as const;

function insertPieces(label: string, unitIds: string[]): number {
  const insert = sqlite.prepare(
    `INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, kind_code, category_code, variety_code, status, next_inspection_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'in_use', ?)`,
  );
  const started = performance.now();
  sqlite.transaction(() => {
    unitIds.forEach((unitId, u) => {
      for (let p = 0; p < perUnit; p++) {
        const [kind, category, variety] = kinds[(u + p) % (u % 7 === 0 ? kinds.length : 3)]!;
        // about one piece in twelve past its date
        const next = (u * perUnit + p) % 12 === 0 ? '2026-09-01' : '2027-09-01';
        const now = new Date(Date.UTC(2024, 0, 1) + u * 1000 + p).toISOString();
        insert.run(newId(), node, now, now, unitId, kind, category, variety, next);
      }
    });
  })();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(48)} ${ms.toFixed(0)} ms`);
  return ms;
}

const unitIds: string[] = [];
const insertUnit = sqlite.prepare(`INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, ?, ?, 'seed-district-03', ?, ?)`);
sqlite.transaction(() => {
  for (let i = 0; i < unitCount; i++) {
    const id = newId();
    const body = `91320582${String(i).padStart(9, '0')}`;
    const now = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    insertUnit.run(id, node, now, now, `张家港市第${i}号机械有限公司`, body + usccCheckChar(body));
    unitIds.push(id);
  }
})();
const withTriggers = insertPieces(`insert ${unitCount * perUnit} pieces (dirty triggers on)`, unitIds);

// managers for two units in three, open hazards at one unit in ten
const insertManager = sqlite.prepare(`INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name, item_code, expiry_date) VALUES (?, ?, 't', 't', ?, '张三', 'A', '2028-01-01')`);
const insertHazard = sqlite.prepare(
  `INSERT INTO hazards (id, origin_node, created_at, updated_at, district_id, unit_id, description, level, found_by, found_on, state, deadline) VALUES (?, ?, 't', 't', 'seed-district-03', ?, '隐患', ?, '某', '2026-10-01', 'ordered', '2026-11-01')`,
);
sqlite.transaction(() => {
  unitIds.forEach((id, i) => {
    if (i % 3 !== 0) insertManager.run(newId(), node, id);
    if (i % 10 === 0) insertHazard.run(newId(), node, id, i % 20 === 0 ? 'major' : 'general');
  });
})();

async function median(label: string, run: () => Promise<unknown>, times = 5): Promise<void> {
  const samples: number[] = [];
  let last: unknown;
  for (let i = 0; i < times; i++) {
    const s = performance.now();
    last = await run();
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} median ${samples[Math.floor(times / 2)]!.toFixed(1)} ms  ${JSON.stringify(last).slice(0, 90)}`);
}

await median(`full rescore, ${unitCount} units`, () => t.ok('risk.refresh', { full: true }));
await median('nothing changed (every read pays this)', () => t.ok('risk.refresh', {}));
const touch = sqlite.prepare("UPDATE equipment SET next_inspection_date = '2026-01-01' WHERE id = (SELECT id FROM equipment WHERE unit_id = ? LIMIT 1)");
await median('rescore 100 units after a write', async () => {
  for (const id of unitIds.slice(0, 100)) touch.run(id);
  return t.ok('risk.refresh', {});
});
await median('units grid, sorted by risk, first page', () => t.ok('units.query', { startRow: 0, endRow: 100, sort: [{ colId: 'riskScore', sort: 'desc' }] }).then((p) => p.total));
await median('units grid, sorted by risk, page 50', () => t.ok('units.query', { startRow: 5000, endRow: 5100, sort: [{ colId: 'riskScore', sort: 'desc' }] }).then((p) => p.total));
await median('units grid, level 高 + 较高, sorted by risk', () => t.ok('units.query', { startRow: 0, endRow: 100, riskLevels: ['high', 'elevated'], sort: [{ colId: 'riskScore', sort: 'desc' }] }).then((p) => p.total));
await median('distribution', () => t.ok('risk.distribution', {}).then((d) => d.counts));

// the triggers' share of a bulk insert: the same pieces again, triggers on, then off
sqlite.exec('DELETE FROM equipment; DELETE FROM risk_dirty');
const again = insertPieces('same insert again, triggers on', unitIds);
sqlite.exec('DELETE FROM equipment; DROP TRIGGER equipment_risk_insert; DROP TRIGGER equipment_risk_update');
const without = insertPieces('same insert, dirty triggers dropped', unitIds);
console.log(`trigger overhead on the insert: ${(((Math.min(withTriggers, again) - without) / without) * 100).toFixed(0)} %`);
t.cleanup();
