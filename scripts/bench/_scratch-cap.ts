import { performance } from 'node:perf_hooks';
import { openCore } from '../../electron/core/open-core.ts';
const core = openCore({ file: process.argv[2]!, host: 'test', actor: 'bench', now: () => new Date('2026-12-01T02:00:00Z') });
const qs = process.argv.slice(3);
for (const q of qs) {
  for (const cap of [undefined, 10000]) {
    const times: number[] = [];
    let last: unknown;
    for (let i = 0; i < 5; i++) {
      const c0 = process.cpuUsage();
      const r = await core.call('equipment.query', { startRow: 0, endRow: 100, search: q, ...(cap ? { totalCap: cap } : {}) });
      const c = process.cpuUsage(c0);
      times.push((c.user + c.system) / 1000);
      if (!r.ok) throw new Error(r.message);
      last = { total: r.value.total, capped: r.value.totalCapped, rows: r.value.rows.length };
    }
    times.sort((a, b) => a - b);
    console.log(q, cap ?? 'exact', 'cpu ms median', times[2]!.toFixed(1), 'min', times[0]!.toFixed(1), JSON.stringify(last));
  }
}
core.close();
