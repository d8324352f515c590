// Test helper for tests/e2e/steering.spec.ts, run with tsx (the core's JSON imports need
// it). Makes the city bureau and two offices on their own databases, with keys sealed by
// passphrases and trusting each other as after the phone calls; gives 塘桥 and 锦丰 a
// registry and a month's work (塘桥: twenty pieces in use, one overdue; a hazard closed on
// its deadline; two supervisors certified; its summary submitted), and writes each
// office's bundle into a folder for the bureau to import through its UI. Every date is
// today's (China time), so the spec gives the same scores whatever day it runs.
// Prints one JSON object on stdout.
//   tsx tests/e2e/support/steering-setup.ts --bureau DB --tangqiao DB --jinfeng DB --out DIR
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CallName, CallOutput } from '../../../electron/api/contract.ts';
import { openCore } from '../../../electron/core/open-core.ts';
import { addDays } from '../../../electron/core/registry/as-of.ts';
import { insertPieces, insertUnit } from '../../../electron/core/registry/testing/fixtures.ts';
import { insertRow } from '../../../electron/core/summaries/testing/fixtures.ts';

export const STEERING_PASSPHRASES = { bureau: 'city-bureau-steering', tangqiao: 'tangqiao-steering', jinfeng: 'jinfeng-steering' } as const;

const { values } = parseArgs({ options: { bureau: { type: 'string' }, tangqiao: { type: 'string' }, jinfeng: { type: 'string' }, out: { type: 'string' } } });
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

function node(file: string, passphrase: string) {
  const core = openCore({ file, host: 'cli', actor: 'e2e', keyAccess: { safeStorage: null, passphrase } });
  const ok = async <K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.message}`);
    return result.value;
  };
  return { core, ok, id: '' };
}
type Node = ReturnType<typeof node>;

async function trust(a: Node, b: Node) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const content = Buffer.from((await from.ok('keys.exportPublic', {})).contentBase64, 'base64').toString('utf8');
    await to.ok('keys.trust', { content, fingerprint: (await to.ok('keys.inspect', { content })).fingerprint });
  }
}

/** A unit of the office with pieces in use whose next inspection dates are given, owned by the office. */
function unit(office: Node, districtId: string, name: string, nextDates: string[]): string {
  const sqlite = office.core.ctx.database.sqlite;
  const id = insertUnit(sqlite, { name, districtId });
  for (const next of nextDates) insertPieces(sqlite, id, 1, { next, equipmentCode: next < today ? '31103205820000000001' : null });
  sqlite.prepare('UPDATE units SET origin_node = ? WHERE id = ?').run(office.id, id);
  sqlite.prepare('UPDATE equipment SET origin_node = ? WHERE unit_id = ?').run(office.id, id);
  return id;
}

const bureau = node(values.bureau!, STEERING_PASSPHRASES.bureau);
const tangqiao = node(values.tangqiao!, STEERING_PASSPHRASES.tangqiao);
const jinfeng = node(values.jinfeng!, STEERING_PASSPHRASES.jinfeng);
try {
  // the bureau's clerk goes on its staff list, as `qkl init` does; the browser host chooses them (QKL_OPERATOR)
  bureau.id = (await bureau.ok('node.init', { role: 'bureau', name: '市局特设科', passphrase: STEERING_PASSPHRASES.bureau, operatorName: '王敏', operatorTitle: '科长' })).id;
  tangqiao.id = (await tangqiao.ok('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03', passphrase: STEERING_PASSPHRASES.tangqiao })).id;
  jinfeng.id = (await jinfeng.ok('node.init', { role: 'district', name: '锦丰分局', districtId: 'seed-district-04', passphrase: STEERING_PASSPHRASES.jinfeng })).id;
  await trust(tangqiao, bureau);
  await trust(jinfeng, bureau);
  // the summaries are due at the month's end at both ends, so no day of the month makes one late
  await bureau.ok('summaries.updateSettings', { dueDay: 31 });
  await tangqiao.ok('summaries.updateSettings', { dueDay: 31 });

  const far = addDays(today, 200);
  const pilot = unit(tangqiao, 'seed-district-03', '张家港市塘桥示范电梯有限公司', Array.from({ length: 12 }, () => far));
  const other = unit(tangqiao, 'seed-district-03', '张家港市塘桥精密机械有限公司', [...Array.from({ length: 7 }, () => far), addDays(today, -1)]);
  unit(jinfeng, 'seed-district-04', '张家港市锦丰钢铁有限公司', Array.from({ length: 5 }, () => far));
  const sqlite = tangqiao.core.ctx.database.sqlite;
  const hazard = (unitId: string, description: string, deadline: string, closedOn: string | null) =>
    insertRow(sqlite, 'hazards', { origin_node: tangqiao.id, district_id: 'seed-district-03', unit_id: unitId, description, level: 'general', found_by: '陈监察', found_on: addDays(today, -20), deadline, state: closedOn ? 'closed' : 'rectifying', closed_on: closedOn });
  hazard(pilot, '曳引机制动器闸瓦磨损', today, today);
  hazard(other, '行车限位器失效', addDays(today, 40), null);
  for (const [i, name] of ['王建国', '李卫东'].entries()) {
    insertRow(sqlite, 'supervisor_certificates', {
      origin_node: tangqiao.id, certificate_no: `张特监〔${today.slice(0, 4)}〕第000${i + 1}号`, year: Number(today.slice(0, 4)), seq: i + 1, holder_name: name,
      unit_name: '张家港市塘桥示范电梯有限公司', district_id: 'seed-district-03', issue_date: today, valid_until: addDays(today, 1460), issuing_node: tangqiao.id, payload: `QKL2:E2E${i}`,
    });
  }
  const month = today.slice(0, 7);
  const summary = await tangqiao.ok('summaries.save', { month, version: null, experience: '组长单位每月组织互查。', problems: '个别小组监督员未取证。', proposals: '建议再组织一期考核。' });
  await tangqiao.ok('summaries.submit', { month, version: summary.version });

  const up = path.join(values.out!, 'up');
  const bundles = [await tangqiao.ok('bundles.export', { outDir: up }), await jinfeng.ok('bundles.export', { outDir: up })];
  console.log(JSON.stringify({ month, today, folder: up, files: bundles.map((b) => b.fileName), pilotUnit: '张家港市塘桥示范电梯有限公司' }));
} finally {
  for (const n of [bureau, tangqiao, jinfeng]) n.core.close();
}
