import { openCore } from '../electron/core/open-core.ts';
import { trigramsStartingWith } from '../electron/core/registry/equipment-search-terms.ts';
const core = openCore({ file: process.argv[2]!, host: 'test', actor: 'bench', now: () => new Date('2026-12-01T02:00:00Z') });
const sqlite = core.ctx.database.sqlite;
for (const q of ['1', '3', 'e', 'a', '号', '楼', '张', '仓', '库', '东', '兴', '苏', '梯', '东兴', '仓库', '车间', '塘桥', 'zz', '0(', '门', '区', '锅炉', 'b区']) {
  let t = performance.now();
  const terms = trigramsStartingWith(sqlite, q.toLowerCase());
  const tv = performance.now() - t;
  const ms: number[] = [];
  let r: any;
  for (let i = 0; i < 3; i++) { t = performance.now(); r = await core.call('equipment.query', { search: q, startRow: 0, endRow: 100, totalCap: 10000 }); ms.push(performance.now() - t); }
  ms.sort((a, b) => a - b);
  console.log(q.padEnd(4), 'terms', String(terms?.length ?? '>32').padStart(4), 'list', tv.toFixed(1).padStart(7), 'ms  query median', ms[1]!.toFixed(1).padStart(7), 'ms  total', r.ok ? `${r.value.total}${r.value.totalCapped ? '+' : ''}` : r.message);
}
core.close();
