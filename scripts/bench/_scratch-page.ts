import Database from 'better-sqlite3';
import { equipmentQuerySql } from '../../electron/core/registry/equipment-query.ts';
const db = new Database(process.argv[2]!, { readonly: true });
const dates = { asOf: '2026-12-01', dueLimit: '2026-12-31' };
const time = (label: string, sql: string, params: unknown[]) => {
  const st = db.prepare(sql);
  const times: number[] = [];
  let r: unknown[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    r = st.all(...params);
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(label, times[1]!.toFixed(1), 'ms', r.length, JSON.stringify(r[0]));
};
for (const search of process.argv.slice(3)) {
  const w = equipmentQuerySql({ search }, dates, { walk: true, countLimit: 10001 });
  time(`${search} walk page`, `${w.idsSql} LIMIT 100`, w.params);
  time(`${search} count`, w.countSql, w.countParams);
  const ex = w.idsSql.replace(/\+e\.rowid IN \(SELECT rowid FROM equipment_search WHERE equipment_search MATCH \?\)/, 'EXISTS (SELECT 1 FROM equipment_search s WHERE s.equipment_search MATCH ? AND s.rowid = e.rowid)');
  if (ex !== w.idsSql) time(`${search} walk page EXISTS`, `${ex} LIMIT 100`, w.params);
  console.log(db.prepare(`EXPLAIN QUERY PLAN ${ex} LIMIT 100`).all(...w.params).map((r: any) => r.detail).join(' | '));
}
