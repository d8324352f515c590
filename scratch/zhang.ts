import Database from 'better-sqlite3';
import { trigramsStartingWith } from '../electron/core/registry/equipment-search-terms.ts';
const db = new Database(process.argv[2]!);
for (const q of ['张', '苏', '号', '门']) {
  const terms = trigramsStartingWith(db, q)!;
  const m = terms.map((t) => `"${t}"`).join(' OR ');
  let t = performance.now();
  const n = db.prepare('SELECT count(*) FROM equipment_search WHERE equipment_search MATCH ?').pluck().get(m);
  console.log(q, terms.join(','), 'fts entries', n, (performance.now() - t).toFixed(1), 'ms');
  t = performance.now();
  const k = db.prepare('SELECT count(*) FROM (SELECT 1 FROM equipment_search WHERE equipment_search MATCH ? LIMIT 10001)').pluck().get(m);
  console.log('  limited', k, (performance.now() - t).toFixed(1), 'ms');
}
