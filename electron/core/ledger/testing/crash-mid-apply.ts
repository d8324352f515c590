// A process that previews a ledger and dies (SIGKILL, no cleanup, no rollback of its own)
// while apply is inserting the piece whose 单位内编号 is the third argument: the bulk flag of
// equipment_bulk_insert is set at that moment. Run by bulk-derived.test.ts:
//   node --import tsx crash-mid-apply.ts <database> <ledger.xlsx> <internal no>
import { openCore } from '../../open-core.ts';

const [file, ledger, internalNo] = process.argv.slice(2) as [string, string, string];
const core = openCore({ file, host: 'test', actor: 'crash' });
const preview = await core.call('ledger.preview', { source: { kind: 'path', path: ledger } });
if (!preview.ok) throw new Error(preview.message);
const { sqlite } = core.ctx.database;
// a small page cache: the write so far, flag row included, spills into the WAL uncommitted before the crash
sqlite.pragma('cache_size = 64');
sqlite.function('die_now', () => {
  process.kill(process.pid, 'SIGKILL');
  return 0;
});
sqlite.exec(`CREATE TEMP TRIGGER die_midway AFTER INSERT ON equipment WHEN NEW.internal_no = '${internalNo.replace(/'/g, "''")}' BEGIN SELECT die_now(); END`);
await core.call('ledger.apply', { planId: (preview.value as { planId: string }).planId });
// reaching here means the piece was never inserted: the test sees a clean exit and fails
process.exit(0);
