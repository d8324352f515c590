import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { samplePng } from '../acceptance/testing/fill.ts';
import { addUnit } from '../blocks/testing/fixtures.ts';
import { commonItems } from '../routine/testing/fixtures.ts';
import { attachmentPath } from '../attachments/store.ts';

// 块的日常 and 链 at work travel up: the office's 活动安排, 自查 / 互查 with their photos,
// meetings, 问题反馈 and supervisors' entries reach the bureau in a real signed and
// encrypted bundle; the bureau reads the calendar, the hazards' reporting managers and
// the supervisors' work from the same rows, and cannot change any of them.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;
const day = '2026-05-06';
const clock = () => new Date(`${day}T02:00:00Z`);

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU }, { now: clock });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

/** A unit with its manager and pieces, as a ledger import leaves them: owned by the office. */
function ownUnit(name: string, managerName: string): { unitId: string; managerId: string } {
  const sqlite = office.core.ctx.database.sqlite;
  const unitId = addUnit(sqlite, { name, pieces: 20, managerName });
  for (const table of ['units', 'equipment', 'safety_managers']) sqlite.prepare(`UPDATE ${table} SET origin_node = ? WHERE ${table === 'units' ? 'id' : 'unit_id'} = ?`).run(office.id, unitId);
  const managerId = (sqlite.prepare('SELECT id FROM safety_managers WHERE unit_id = ?').get(unitId) as { id: string }).id;
  return { unitId, managerId };
}


describe('the block routine and the chain’s work in bundles', () => {
  it('arrive at the bureau, which reads the calendar, the reports and the supervisors’ work, and cannot change them', async () => {
    const [a, b, c] = [ownUnit('张家港市塘桥甲机械有限公司', '张一'), ownUnit('张家港市塘桥乙机械有限公司', '李二'), ownUnit('张家港市塘桥丙机械有限公司', '王三')];
    const chen = await office.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS3205820001' });
    const block = await office.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: [a!.unitId, b!.unitId, c!.unitId], leadUnitId: a!.unitId, inspectorIds: [chen.id], supervisorManagerIds: [a!.managerId] });
    await office.ok('blocks.saveScheduleRule', { blockId: block.id, kind: 'mutual_check', frequency: 'monthly', dueDay: 25, startsOn: '2026-04-01' });
    const photo = await office.ok('files.stage', { name: '互查现场.png', contentBase64: samplePng.toString('base64') });
    let check = await office.ok('blocks.saveCheck', {
      blockId: block.id,
      kind: 'mutual',
      checkedUnitId: b!.unitId,
      checkerManagerId: a!.managerId,
      checkedOn: '2026-04-20',
      items: commonItems({ C07: '叉车安全带缺失' }),
      checkedSigner: '李二',
      addFiles: [photo.id],
    });
    check = await office.ok('blocks.finalizeCheck', { id: check.id, version: check.version });
    const hazard = await office.ok('blocks.checkFinding', { checkId: check.id, description: '叉车安全带缺失', level: 'general' });
    await office.ok('blocks.saveMeeting', { blockId: block.id, kind: 'exchange', heldOn: '2026-04-28', topic: '叉车安全交流', participants: [{ kind: 'manager', id: a!.managerId }, { kind: 'inspector', id: chen.id }] });
    const report = await office.ok('chain.saveFeedback', { managerId: c!.managerId, reportedOn: '2026-05-02', takenBy: { kind: 'lead_unit' }, content: '压力容器操作人员不足' });
    await office.ok('chain.answerFeedback', { id: report.id, version: report.version, answer: '已联系培训中心安排取证培训', answeredBy: '陈监察' });
    await office.ok('chain.addSupervisorWork', { managerId: a!.managerId, doneOn: '2026-05-03', kind: 'other', content: '走访丙公司' });

    const bundle = await net.send(office, bureau);
    expect(bundle.rowCounts).toMatchObject({ block_schedules: 1, block_checks: 1, block_meetings: 1, manager_feedback: 1, supervisor_work_entries: 1, hazards: 1 });
    for (const table of ['block_schedules', 'block_checks', 'block_meetings', 'manager_feedback', 'supervisor_work_entries', 'hazards', 'attachments']) {
      expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));
    }
    expect(existsSync(attachmentPath(bureau.core.ctx, photo.id))).toBe(true);

    // the bureau reads what the office reads
    const calendar = await bureau.ok('blocks.calendar', {});
    expect(calendar.blocks.map((x) => [x.districtName, x.blockName, x.activities.map((act) => `${act.period}:${act.status}`)])).toEqual([['塘桥', '塘桥第一组', ['2026年4月:done', '2026年5月:open']]]);
    expect(await bureau.ok('blocks.getCheck', { id: check.id })).toMatchObject({ state: 'final', checkerManagerName: '张一', mine: false, actions: [], files: [expect.objectContaining({ fileName: '互查现场.png' })] });
    expect(await bureau.ok('hazards.get', { id: hazard.id })).toMatchObject({ sourceCheckKind: 'mutual', reporterManagerName: '张一', actions: [] });
    const feedback = await bureau.ok('chain.feedback', {});
    expect(feedback.items[0]).toMatchObject({ state: 'answered', takenByName: '张家港市塘桥甲机械有限公司', actions: [] });
    expect(feedback.byManager).toEqual([expect.objectContaining({ managerName: '王三', received: 1, answered: 1, open: 1 })]);
    const work = await bureau.ok('chain.supervisorWork', {});
    expect(work.supervisors.map((s) => [s.districtName, s.name, s.active, s.lastActiveOn, s.counts])).toEqual([['塘桥', '张一', true, '2026-05-03', { checks: 1, feedback: 0, meetings: 1, inspections: 0, manual: 1 }]]);
    expect((await bureau.ok('chain.supervisorLog', { managerId: a!.managerId })).map((e) => [e.source, e.removable])).toEqual([
      ['manual', false],
      ['meeting', false],
      ['mutual_check', false],
    ]);

    // and cannot change them
    const before = dataDigest(bureau);
    const forbidden = { code: 'FORBIDDEN', message: expect.stringContaining('本机不是分局节点') };
    expect(await bureau.refused('blocks.saveScheduleRule', { blockId: block.id, kind: 'meeting', frequency: 'monthly', startsOn: '2026-05-01' })).toMatchObject(forbidden);
    expect(await bureau.refused('blocks.finalizeCheck', { id: check.id, version: check.version })).toMatchObject(forbidden);
    expect(await bureau.refused('chain.closeFeedback', { id: report.id, version: report.version + 1 })).toMatchObject(forbidden);
    expect(await bureau.refused('chain.addSupervisorWork', { managerId: a!.managerId, doneOn: '2026-05-03', kind: 'other', content: '市局登记' })).toMatchObject(forbidden);
    expect(dataDigest(bureau)).toBe(before);
  });
});
