import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import type { ComplaintDetail } from '../../api/schemas/complaints.ts';
import { verifyAuditChain } from '../audit.ts';
import { addUnit } from '../blocks/testing/fixtures.ts';

// The 塘桥 office's complaint register on a real SQLite file. A 12345 call received on
// 2026-02-12, just before 春节 2026: its default handling deadline is 15 working days
// later on the official calendar. The clock is China 10:00 on `day`.
let t: TestCore;
let day = '2026-02-12';
let tick = 0;
const now = () => new Date(Date.parse(`${day}T02:00:00Z`) + tick++ * 1000);
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}
const counts = () => sqlite().prepare('SELECT (SELECT count(*) FROM complaints) AS c, (SELECT count(*) FROM complaint_reporters) AS p, (SELECT count(*) FROM complaint_rewards) AS r, (SELECT count(*) FROM audit_log) AS a').get();
const auditText = () => JSON.stringify(sqlite().prepare("SELECT * FROM audit_log WHERE call LIKE 'complaints.%'").all());

const reporter = { name: '王小明', phone: '13812345678', idNumber: '11010519491231002X', address: '张家港市塘桥镇人民路 8 号' };

async function setup() {
  day = '2026-02-12';
  t = await districtCore({ now });
  const unitId = addUnit(sqlite(), { name: '张家港市塘桥甲机械有限公司', pieces: 3 });
  const equipmentId = (sqlite().prepare('SELECT id FROM equipment WHERE unit_id = ? LIMIT 1').get(unitId) as { id: string }).id;
  const complaint: ComplaintDetail = await t.ok('complaints.create', {
    receivedOn: '2026-02-12',
    channel: '12345',
    reporter,
    content: '该公司叉车司机无证驾驶，叉车超期未检仍在使用',
    unitId,
    equipmentId,
  });
  return { unitId, equipmentId, complaint };
}

async function handled(c: ComplaintDetail, outcome = 'substantiated') {
  return t.ok('complaints.handle', { id: c.id, version: c.version, handlingResult: '现场检查属实，已责令停用并立案查处', outcome });
}

describe('the complaint register', () => {
  it('registers a named 12345 complaint: masked in the list, in full only in the detail, never in the audit log', async () => {
    const { complaint, unitId, equipmentId } = await setup();
    expect(complaint).toMatchObject({
      channel: '12345',
      anonymous: false,
      reporterMasked: '王**',
      state: 'received',
      unitId,
      unitName: '张家港市塘桥甲机械有限公司',
      equipmentId,
      districtName: '塘桥',
      // 15 working days after 2/12 across 春节 (2/15–2/23 off, 2/14 and 2/28 worked)
      handlingDeadline: '2026-03-11',
      overdue: false,
      reward: null,
      reporter: { ...reporter, bureauStaff: false },
      warnings: [],
      actions: ['edit', 'handle'],
      rewardRefusal: '请先办结该举报并认定“查实”或“部分查实”，再提出奖励。',
    });
    const list = await t.ok('complaints.list', {});
    expect(list).toHaveLength(1);
    const shown = JSON.stringify(list);
    for (const secret of ['王小明', '13812345678', '11010519491231002X', '人民路 8 号']) {
      expect(shown).not.toContain(secret);
      expect(auditText()).not.toContain(secret);
    }
    expect(list[0]).not.toHaveProperty('reporter');
    const created = sqlite().prepare("SELECT after FROM audit_log WHERE call = 'complaints.create'").pluck().get() as string;
    expect(JSON.parse(created)).toMatchObject({ reporterMasked: '王**', anonymous: false, bureauStaff: false, channel: '12345' });
    expect(sqlite().prepare('SELECT reporter_masked AS m FROM complaints').get()).toEqual({ m: '王**' });

    await t.ok('complaints.updateSettings', { handlingWorkingDays: 5 });
    const quick = await t.ok('complaints.create', { receivedOn: '2026-02-12', channel: 'visit', anonymous: true, content: '电梯经常困人', unitName: '塘桥某小区物业' });
    // a deadline in 2027 counts on the provisional calendar, and says so
    const december = await t.ok('complaints.create', { receivedOn: '2026-02-12', channel: 'letter', anonymous: true, content: '气瓶充装站超装', unitName: '某充装站', handlingDeadline: '2027-01-05' });
    expect(december.warnings).toEqual([expect.stringContaining('2027 年节假日安排尚未由国务院公布')]);
    expect(quick).toMatchObject({ handlingDeadline: '2026-02-26', anonymous: true, reporterMasked: null, unitId: null, unitName: '塘桥某小区物业', reporter: { name: null, phone: null, bureauStaff: false } });
  });

  it('handles a complaint, links a hazard, proposes a national reward, approves an adjusted amount with a reason and pays it', async () => {
    const { complaint, unitId } = await setup();
    const hazard = await t.ok('hazards.create', { unitId, description: '叉车超期未检', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' });
    expect((await refused('complaints.handle', { id: complaint.id, version: complaint.version, handlingResult: '核查', linkedHazardId: 'no-such-hazard' })).details).toEqual({ field: 'linkedHazardId' });
    expect((await refused('complaints.handle', { id: complaint.id, version: complaint.version, handlingResult: '核查', linkedInspectionId: 'no-such-record' })).details).toEqual({ field: 'linkedInspectionId' });
    expect((await refused('complaints.handle', { id: complaint.id, version: complaint.version, handlingResult: '核查', handledOn: '2026-02-12' })).message).toContain('办结日期只在认定处理结果');
    let c = await t.ok('complaints.handle', { id: complaint.id, version: complaint.version, handlingResult: '已转稽查大队核查', linkedHazardId: hazard.id });
    expect(c).toMatchObject({ state: 'handling', outcome: null, handledOn: null, linkedHazard: { id: hazard.id, number: hazard.number, unitName: hazard.unitName, description: '叉车超期未检', foundOn: '2026-02-12', state: 'found' } });
    expect(hazard.number).toMatch(/^2026-\d{4}$/);
    day = '2026-02-26';
    expect((await refused('complaints.handle', { id: c.id, version: c.version, handlingResult: '属实', outcome: 'substantiated', handledOn: '2026-02-27' })).message).toBe('办结日期不能晚于今天。');
    c = await t.ok('complaints.handle', { id: c.id, version: c.version, handlingResult: '现场检查属实，罚款 20 万元', outcome: 'substantiated', linkedHazardId: hazard.id });
    expect(c).toMatchObject({ state: 'handled', outcome: 'substantiated', handledOn: '2026-02-26', actions: ['edit', 'handle', 'proposeReward'], rewardRefusal: null });

    expect(await t.ok('complaints.previewReward', { scheme: 'national', level: 1, finesYuan: '200000' })).toMatchObject({ proposedFen: 1_000_000, basis: '依据国市监稽规〔2021〕4号（一级）：罚没款 200,000.00 元 × 5% = 10,000.00 元，不低于 5,000.00 元' });
    expect((await refused('complaints.proposeReward', { complaintId: c.id, version: c.version - 1, scheme: 'national', level: 1, finesYuan: 200000 })).code).toBe('CONFLICT');
    const proposed = await t.ok('complaints.proposeReward', { complaintId: c.id, version: c.version, scheme: 'national', level: 1, finesYuan: 200000 });
    expect(proposed.reward).toMatchObject({ state: 'proposed', scheme: 'national', level: 1, finesFen: 20_000_000, confiscatedFen: 0, proposedFen: 1_000_000, approvedFen: null });
    expect(proposed.complaint).toMatchObject({ reporterMasked: '王**', reward: { id: proposed.reward.id, state: 'proposed', proposedFen: 1_000_000, approvedFen: null } });
    expect(JSON.stringify(proposed)).not.toContain('王小明');
    // the reward's entry names the reward and the complaint it rewards
    const named = sqlite().prepare("SELECT row_ids FROM audit_log WHERE call = 'complaints.proposeReward'").pluck().get() as string;
    expect(JSON.parse(named)).toEqual([proposed.reward.id, c.id]);

    c = await t.ok('complaints.get', { id: c.id });
    expect(c).toMatchObject({ actions: [], rewardRefusal: '该举报已有奖励（待审批），不能再提出。' });
    expect((await refused('complaints.proposeReward', { complaintId: c.id, version: c.version, scheme: 'national', level: 2 })).message).toBe('该举报已有奖励（待审批），不能再提出。');
    expect((await refused('complaints.update', { id: c.id, version: c.version, content: '改' })).message).toBe('该举报已有奖励（待审批），不能再修改登记信息。');
    expect((await refused('complaints.handle', { id: c.id, version: c.version, handlingResult: '改', outcome: 'unfounded' })).code).toBe('CONFLICT');

    const r = proposed.reward;
    const approve = (more: Record<string, unknown>) => refused('complaints.approveReward', { id: r.id, version: r.version, approvedBy: '李局长', ...more });
    expect((await approve({ approvedYuan: 12000 })).message).toBe('审批金额与建议金额不同，请写明调整理由（如涉案货值、社会影响）。');
    expect((await approve({ approvedYuan: 1_000_000.01, reason: '影响大' })).message).toBe('审批金额不能超过每案上限 1,000,000.00 元。');
    expect((await approve({ approvedYuan: 4999.99, reason: '情节轻' })).message).toBe('一级奖励不能低于 5,000.00 元。');
    expect((await approve({ approvedOn: '2026-02-27' })).message).toBe('审批日期不能晚于今天。');
    expect((await refused('complaints.approveReward', { id: r.id, version: r.version, approvedBy: ' ' })).message).toContain('请填写审批人');
    expect((await refused('complaints.markRewardPaid', { id: r.id, version: r.version })).message).toBe('该奖励当前为“待审批”，不能登记发放。');
    const approved = await t.ok('complaints.approveReward', { id: r.id, version: r.version, approvedBy: '李局长', approvedYuan: '12,000', reason: '涉案叉车 6 台，社会影响较大' });
    expect(approved.reward).toMatchObject({ state: 'approved', proposedFen: 1_000_000, approvedFen: 1_200_000, approvedBy: '李局长', approvedOn: '2026-02-26', adjustReason: '涉案叉车 6 台，社会影响较大' });
    expect((await refused('complaints.rejectReward', { id: r.id, version: approved.reward.version, reason: '晚了' })).code).toBe('CONFLICT');
    day = '2026-03-02';
    const paid = await t.ok('complaints.markRewardPaid', { id: r.id, version: approved.reward.version, paidOn: '2026-03-02', note: '银行转账' });
    expect(paid.reward).toMatchObject({ state: 'paid', approvedFen: 1_200_000, paidOn: '2026-03-02', paidNote: '银行转账', adjustReason: '涉案叉车 6 台，社会影响较大' });
    expect(JSON.parse(sqlite().prepare('SELECT notes FROM complaint_rewards').pluck().get() as string)).toEqual({ adjustReason: '涉案叉车 6 台，社会影响较大', paidOn: '2026-03-02', paidNote: '银行转账' });

    const audited = sqlite().prepare("SELECT call, count(*) AS n FROM audit_log WHERE call LIKE 'complaints.%' GROUP BY call ORDER BY call").all();
    expect(audited).toEqual([
      { call: 'complaints.approveReward', n: 1 },
      { call: 'complaints.create', n: 1 },
      { call: 'complaints.handle', n: 2 },
      { call: 'complaints.markRewardPaid', n: 1 },
      { call: 'complaints.proposeReward', n: 1 },
    ]);
    expect(auditText()).not.toContain('王小明');
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('refuses a reward for an unfounded complaint, an anonymous reporter who cannot be identified and bureau staff; a rejected proposal may be made again', async () => {
    const { complaint, unitId } = await setup();
    const unfounded = await handled(complaint, 'unfounded');
    expect(unfounded.rewardRefusal).toBe('举报经查不实，不能给予奖励。');
    expect((await refused('complaints.proposeReward', { complaintId: unfounded.id, version: unfounded.version, scheme: 'national', level: 3 })).message).toBe('举报经查不实，不能给予奖励。');

    const nobody = await handled(await t.ok('complaints.create', { receivedOn: '2026-02-12', channel: 'letter', anonymous: true, reporter: { name: '不该保存' }, content: '锅炉无证操作', unitId }));
    expect(nobody.reporter).toMatchObject({ name: null });
    expect((await refused('complaints.proposeReward', { complaintId: nobody.id, version: nobody.version, scheme: 'national', level: 1 })).message).toBe('匿名举报且未留下可辨别身份的信息（姓名、电话或身份证号），不能给予奖励。');

    const staff = await handled(await t.ok('complaints.create', { receivedOn: '2026-02-12', channel: 'phone', reporter: { name: '赵监察' }, bureauStaff: true, content: '压力容器未登记', unitId }));
    expect(staff.reporter).toMatchObject({ name: '赵监察', bureauStaff: true });
    expect((await refused('complaints.proposeReward', { complaintId: staff.id, version: staff.version, scheme: 'local', level: 1 })).message).toBe('举报人为本局工作人员，不予奖励（国市监稽规〔2021〕4号）。');
    expect(auditText()).not.toContain('赵监察');

    // anonymous, but reachable by phone: may be rewarded; a local scheme of fixed amounts
    const reachable = await handled(await t.ok('complaints.create', { receivedOn: '2026-02-12', channel: 'online', anonymous: true, reporter: { phone: '13900001111' }, content: '电梯维保记录造假', unitId }), 'partly');
    const local = await t.ok('complaints.proposeReward', { complaintId: reachable.id, version: reachable.version, scheme: 'local', level: 2, finesYuan: 30000 });
    expect(local.reward).toMatchObject({ proposedFen: 10_000, basis: '依据本地举报奖励标准（二级）：二级奖励固定金额 100.00 元' });
    expect((await refused('complaints.rejectReward', { id: local.reward.id, version: local.reward.version, reason: '' })).message).toContain('请填写不予奖励的理由');
    const rejected = await t.ok('complaints.rejectReward', { id: local.reward.id, version: local.reward.version, reason: '该案未作行政处罚' });
    expect(rejected.reward).toMatchObject({ state: 'rejected', rejectReason: '该案未作行政处罚' });
    const again = await t.ok('complaints.get', { id: reachable.id });
    expect(again).toMatchObject({ rewardRefusal: null, reward: { state: 'rejected' } });
    const second = await t.ok('complaints.proposeReward', { complaintId: again.id, version: again.version, scheme: 'national', level: 3 });
    expect(second.reward).toMatchObject({ proposedFen: 100_000, state: 'proposed' });
    expect((await t.ok('complaints.get', { id: reachable.id })).rewards.map((r) => r.state)).toEqual(['rejected', 'proposed']);
  });

  it('refuses bad input without changing anything', async () => {
    const { complaint, unitId, equipmentId } = await setup();
    const other = addUnit(sqlite(), { name: '外区公司', pieces: 1 });
    sqlite().prepare("UPDATE units SET district_id = 'seed-district-01' WHERE id = ?").run(other);
    const otherPiece = (sqlite().prepare('SELECT id FROM equipment WHERE unit_id = ?').get(other) as { id: string }).id;
    const before = counts();
    const base = { receivedOn: '2026-02-12', channel: 'phone', reporter: { name: '李四' }, content: '电梯异响', unitId };
    const create = (more: Record<string, unknown>) => refused('complaints.create', { ...base, ...more });
    expect(await create({ reporter: {} })).toMatchObject({ message: '请填写举报人姓名，或选择“匿名举报”。', details: { field: 'reporterName' } });
    expect(await create({ reporter: { name: '李四', idNumber: '110105194912310021' } })).toMatchObject({ message: expect.stringContaining('校验位错误'), details: { field: 'reporterIdNumber' } });
    // the shared phone check of the contract: named by its path in the input
    expect(await create({ reporter: { name: '李四', phone: '12' } })).toMatchObject({ message: expect.stringContaining('电话号码格式不正确'), details: { field: 'phone', issues: [{ path: 'reporter.phone' }] } });
    // the register's own checks all at once, each at its field
    expect(await create({ reporter: {}, receivedOn: '2026-02-13', handlingDeadline: '2026-02-12' })).toMatchObject({
      code: 'VALIDATION',
      details: {
        field: 'reporterName',
        issues: [
          { field: 'reporterName', message: '请填写举报人姓名，或选择“匿名举报”。' },
          { field: 'receivedOn', message: '受理日期不能晚于今天。' },
          { field: 'handlingDeadline', message: '处理期限不能早于受理日期。' },
        ],
      },
    });
    expect(await create({ receivedOn: '2026-02-13' })).toMatchObject({ message: '受理日期不能晚于今天。' });
    expect(await create({ receivedOn: '2026-02-30' })).toMatchObject({ message: expect.stringContaining('日期不存在') });
    expect(await create({ handlingDeadline: '2026-02-11' })).toMatchObject({ message: '处理期限不能早于受理日期。' });
    expect(await create({ channel: '微信' })).toMatchObject({ message: expect.stringContaining('受理渠道应为电话、12345、来信、来访或网络') });
    expect(await create({ content: ' ' })).toMatchObject({ message: expect.stringContaining('请填写举报内容') });
    expect(await create({ unitId: null })).toMatchObject({ message: '请选择被举报的使用单位，或填写单位名称。', details: { field: 'unitId' } });
    expect(await create({ unitId: other })).toMatchObject({ code: 'FORBIDDEN', details: { field: 'unitId' } });
    expect(await create({ equipmentId: otherPiece })).toMatchObject({ message: '所选设备不属于该使用单位，请重选。' });
    expect(await create({ unitId: null, unitName: '某公司', equipmentId })).toMatchObject({ details: { field: 'equipmentId' } });
    expect(await refused('complaints.update', { id: complaint.id, version: complaint.version + 1, content: '改' })).toMatchObject({ code: 'CONFLICT' });
    expect(await refused('complaints.update', { id: complaint.id, version: complaint.version, anonymous: false, reporter: { name: null } })).toMatchObject({ details: { field: 'reporterName' } });
    expect(await refused('complaints.handle', { id: complaint.id, version: complaint.version, handlingResult: '' })).toMatchObject({ message: expect.stringContaining('请填写处理情况') });
    expect(await refused('complaints.proposeReward', { complaintId: complaint.id, version: complaint.version, scheme: 'national', level: 1, finesYuan: '-5' })).toMatchObject({ message: '罚款金额：金额应为不小于 0 的元数，最多两位小数（例如 200000 或 1500.50）', details: { field: 'finesYuan' } });
    expect(await refused('complaints.updateSettings', { handlingWorkingDays: 0 })).toMatchObject({ message: expect.stringContaining('1 到 365') });
    expect(counts()).toEqual(before);
    expect((await t.ok('complaints.get', { id: complaint.id })).version).toBe(1);
  });

  it('edits the register, keeping the reporter local and the masked name in step', async () => {
    const { complaint } = await setup();
    const edited = await t.ok('complaints.update', { id: complaint.id, version: complaint.version, reporter: { ...reporter, name: '欧阳娜娜' }, unitId: null, unitName: '塘桥某物流公司', channel: 'phone' });
    expect(edited).toMatchObject({ version: 2, reporterMasked: '欧**', unitId: null, equipmentId: null, unitName: '塘桥某物流公司', channel: 'phone', reporter: { name: '欧阳娜娜', phone: '13812345678' } });
    const anonymous = await t.ok('complaints.update', { id: edited.id, version: edited.version, anonymous: true });
    expect(anonymous).toMatchObject({ anonymous: true, reporterMasked: null, reporter: { name: null, phone: '13812345678' } });
    expect(auditText()).not.toContain('欧阳娜娜');
  });

  it('lists overdue first, filters and searches, and counts this month and in all', async () => {
    const { complaint, unitId } = await setup();
    const later = await t.ok('complaints.create', { receivedOn: '2026-02-12', channel: 'online', reporter: { name: '张三' }, content: '游乐设施无检验标志', unitId, handlingDeadline: '2026-04-30' });
    day = '2026-03-12';
    const march = await t.ok('complaints.create', { receivedOn: '2026-03-12', channel: '12345', reporter: { name: '李四' }, content: '锅炉房无人值守', unitName: '塘桥某浴室' });
    await handled(march);
    const list = await t.ok('complaints.list', {});
    expect(list.map((c) => [c.id, c.overdue])).toEqual([
      [complaint.id, true],
      [march.id, false],
      [later.id, false],
    ]);
    expect((await t.ok('complaints.list', { overdue: true })).map((c) => c.id)).toEqual([complaint.id]);
    expect((await t.ok('complaints.list', { channel: '12345', state: 'handled' })).map((c) => c.id)).toEqual([march.id]);
    expect((await t.ok('complaints.list', { outcome: 'substantiated' })).map((c) => c.id)).toEqual([march.id]);
    expect((await t.ok('complaints.list', { unitId })).map((c) => c.id)).toEqual([complaint.id, later.id]);
    expect((await t.ok('complaints.list', { search: '浴室' })).map((c) => c.id)).toEqual([march.id]);
    expect((await t.ok('complaints.list', { search: '游乐' })).map((c) => c.id)).toEqual([later.id]);
    expect((await t.ok('complaints.list', { search: '100%' })).map((c) => c.id)).toEqual([]);
    // a reporter's full name finds nothing: it is not in the register
    expect(await t.ok('complaints.list', { search: '王小明' })).toEqual([]);
    const fresh = await t.ok('complaints.get', { id: march.id });
    await t.ok('complaints.proposeReward', { complaintId: march.id, version: fresh.version, scheme: 'national', level: 2, finesYuan: 50000 });
    const stats = await t.ok('complaints.stats', {});
    expect(stats).toMatchObject({
      month: '2026-03',
      thisMonth: { received: 1, handled: 1, open: 0, overdue: 0 },
      all: { received: 3, handled: 1, open: 2, overdue: 1 },
      rewards: { proposed: { count: 1, sumFen: 300_000 }, approved: { count: 0, sumFen: 0 }, paid: { count: 0, sumFen: 0 }, rejected: 0 },
    });
    expect(stats.byChannel).toEqual([
      { channel: 'phone', received: 0, thisMonth: 0 },
      { channel: '12345', received: 2, thisMonth: 1 },
      { channel: 'letter', received: 0, thisMonth: 0 },
      { channel: 'visit', received: 0, thisMonth: 0 },
      { channel: 'online', received: 1, thisMonth: 0 },
    ]);
    expect((await t.ok('complaints.stats', { month: '2026-02' })).thisMonth).toEqual({ received: 2, handled: 0, open: 2, overdue: 1 });
  });

  it('filters a district’s complaints and finds a complaint’s rewards through indexes', async () => {
    await setup();
    const plan = (sql: string) => (sqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM complaints c WHERE c.district_id = 'seed-district-03' ORDER BY c.received_on DESC")).toContain('USING INDEX complaints_district_received');
    expect(plan("SELECT id FROM complaint_rewards r WHERE r.complaint_id = 'c'")).toContain('USING INDEX complaint_rewards_complaint');
  });
});
