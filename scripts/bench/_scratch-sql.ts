import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
const sqls = process.argv.slice(3);
for (const sql of sqls) {
  const st = db.prepare(sql);
  const times: number[] = [];
  let r: unknown;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    r = st.all();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(times[1]!.toFixed(1), 'ms', JSON.stringify(r).slice(0, 80), '<=', sql.slice(0, 160));
}
