import { existsSync, copyFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateDistrict, type SizeBand } from '../sample-data/generate.ts';
import { insertModel } from '../sample-data/insert.ts';
import { openCore } from '../../electron/core/open-core.ts';
import { districtCore } from '../../tests/support/core.ts';
import { buildTwoLists, screenedUnits } from '../../electron/core/lists/two-lists.ts';
import { contract } from '../../electron/api/contract.ts';
import { getRegistrySettings } from '../../electron/core/settings/settings-service.ts';
import { listScope } from '../../electron/core/lists/list-scope.ts';
import { riskOfUnits } from '../../electron/core/risk/risk-read.ts';
const bands: SizeBand[] = [
  { profile: 'small', weight: 40, min: 1, max: 12 }, { profile: 'medium', weight: 16, min: 11, max: 19 },
  { profile: 'cylinders', weight: 6, min: 8, max: 16 }, { profile: 'large', weight: 26, min: 20, max: 80 }, { profile: 'huge', weight: 12, min: 100, max: 240 },
];
const now = () => new Date('2026-12-01T02:00:00Z');
const file = '/tmp/lp200k.sqlite';
if (!existsSync(file)) {
  const t = await districtCore({ now });
  const node = (await t.ok('node.get', {}))!.id;
  insertModel(t.core.ctx.database.sqlite, generateDistrict({ seed: 20261201, units: 5000, equipmentPerUnit: bands }), { nodeId: node, districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
  t.core.close();
  copyFileSync(t.file, file);
}
const core = openCore({ file, host: 'test', actor: 'bench', now });
const ctx = core.ctx;
await core.call('lists.get', {});
for (let i = 0; i < 7; i++) {
  let t = performance.now();
  const units = screenedUnits(ctx, getRegistrySettings(ctx), listScope(ctx));
  const a = performance.now() - t; t = performance.now();
  riskOfUnits(ctx, units.map((u) => u.unitId));
  const b = performance.now() - t; t = performance.now();
  const direct = buildTwoLists(ctx, '2026-12-01');
  const d = performance.now() - t; t = performance.now();
  contract['lists.get'].output.safeParse(direct);
  const z = performance.now() - t; t = performance.now();
  await core.call('lists.get', {});
  const c = performance.now() - t;
  console.log(`screened ${a.toFixed(1)} risk ${b.toFixed(1)} build ${d.toFixed(1)} zod ${z.toFixed(1)} call ${c.toFixed(1)}`);
}
core.close();
