import Database from 'better-sqlite3';
import { equipmentQuerySql } from '/work/wt/s25-search/electron/core/registry/equipment-query.ts';
const db = new Database(process.argv[2]!, { readonly: true });
const dates = { asOf: '2026-12-01', dueLimit: '2026-12-31' };
for (const f of [{ search: '成品仓库' }, { search: '成品仓库', inspection: 'overdue' as const }, { search: '塘桥' }, { inspection: 'overdue' as const }]) {
  const q = equipmentQuerySql(f, dates, { countLimit: 10001 });
  console.log(JSON.stringify(f), '\n ', q.countSql, '\n  ', db.prepare(`EXPLAIN QUERY PLAN ${q.countSql}`).all(...q.countParams).map((r: any) => r.detail).join(' | '));
}
