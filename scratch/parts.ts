import { openCore } from '../electron/core/open-core.ts';
import { equipmentQuerySql, statusDates } from '../electron/core/registry/equipment-query.ts';
import { searchIndexMatch } from '../electron/core/registry/equipment-search.ts';
const core = openCore({ file: process.argv[2]!, host: 'test', actor: 'bench', now: () => new Date('2026-12-01T02:00:00Z') });
const sqlite = core.ctx.database.sqlite;
const dates = statusDates(core.ctx, undefined);
const tm = (f: () => unknown) => { const ms: number[] = []; let r; for (let i = 0; i < 5; i++) { const t = performance.now(); r = f(); ms.push(performance.now() - t); } ms.sort((a, b) => a - b); return [ms[2]!.toFixed(1), JSON.stringify(r)]; };
for (const q of process.argv.slice(3)) {
  const index = searchIndexMatch(sqlite, q);
  const c = equipmentQuerySql({ search: q }, dates, { index, countLimit: 10001 });
  const w = equipmentQuerySql({ search: q }, dates, { index, walk: true });
  const units = tm(() => sqlite.prepare("SELECT count(*) FROM units su WHERE su.name LIKE ? OR su.name_initials LIKE ?").pluck().get(`%${q}%`, `%${q}%`));
  console.log(q, 'count', tm(() => sqlite.prepare(c.countSql).get(...c.countParams)), 'walk page', tm(() => sqlite.prepare(`${w.idsSql} LIMIT 100`).all(...w.params).length), 'units', units);
}
core.close();
