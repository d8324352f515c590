import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import type { HazardDetail } from '../../api/schemas/hazards.ts';
import { verifyAuditChain } from '../audit.ts';
import { addUnit } from '../blocks/testing/fixtures.ts';
import { blockWithLead, stagedPhoto } from './testing/fixtures.ts';

// Hazards of the 塘桥 office on a real SQLite file, found just before 春节 2026.
// The clock is China 10:00 on the date set, moving a second per reading.
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
const step = (h: HazardDetail, action: string, more: Record<string, unknown> = {}) => t.ok('hazards.transition', { id: h.id, version: h.version, action, ...more });

async function setup() {
  day = '2026-02-12';
  t = await districtCore({ now });
  const block = await blockWithLead(t);
  const before = await stagedPhoto(t, '整改前.png');
  const hazard = await t.ok('hazards.create', { unitId: block.units[1], description: '电梯轿厢应急照明失效', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12', evidence: [before] });
  return { ...block, hazard };
}

describe('hazards at the office', () => {
  it('records a hazard in 发现 with the unit’s block and the evidence before', async () => {
    const { hazard, blockId } = await setup();
    expect(hazard).toMatchObject({ state: 'found', level: 'general', blockId, blockName: '塘桥第一组', failCount: 0, deadline: null, escalated: false, actions: ['order'], alert: null });
    expect(hazard.events).toEqual([expect.objectContaining({ action: 'create', fromState: null, toState: 'found', by: 'tester', evidence: [expect.objectContaining({ fileName: '整改前.png', mimeType: 'image/png' })] })]);
    const file = await t.ok('hazards.evidenceFile', { attachmentId: hazard.events[0]!.evidence[0]!.attachmentId });
    expect(file.fileName).toBe('整改前.png');
  });

  it('orders rectification in working days across 春节 2026 (5 days from 2/12 is 2/26), by default per level, or by a working-day date', async () => {
    const { hazard, units } = await setup();
    const ordered = await step(hazard, 'order', { workingDays: 5, orderedOn: '2026-02-12', comment: '张市监特令〔2026〕第12号' });
    expect(ordered).toMatchObject({ state: 'ordered', deadline: '2026-02-26', workingDays: 5, warnings: [], actions: ['start'] });
    // defaults: 一般 10 working days (2/28 is a make-up Saturday), 重大 30
    const general = await t.ok('hazards.create', { unitId: units[2], description: '压力表超期未检', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' });
    expect(await step(general, 'order')).toMatchObject({ deadline: '2026-03-04', workingDays: 10 });
    const major = await t.ok('hazards.create', { unitId: units[3], description: '起重机制动器失效', level: 'major', foundBy: '陈监察', foundOn: '2026-02-12' });
    await t.ok('hazards.updateSettings', { majorWorkingDays: 3 });
    expect(await step(major, 'order')).toMatchObject({ deadline: '2026-02-24', workingDays: 3 });
    const byDate = await t.ok('hazards.create', { unitId: units[4], description: '安全阀铅封缺失', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' });
    expect((await refused('hazards.transition', { id: byDate.id, version: byDate.version, action: 'order', deadline: '2026-02-21' })).message).toBe('2026-02-21 不是工作日，整改截止日期请选工作日。');
    expect(await step(byDate, 'order', { deadline: '2026-02-28' })).toMatchObject({ deadline: '2026-02-28', workingDays: 7 });
    expect(await t.ok('hazards.deadlinePreview', { from: '2026-12-30', workingDays: 3 })).toEqual({ deadline: '2027-01-05', warnings: [expect.stringContaining('2027 年节假日安排尚未由国务院公布')] });
  });

  it('runs the closed loop; a second failed review escalates to the block’s lead unit and inspector', async () => {
    const { hazard, units } = await setup();
    let h = await step(hazard, 'order', { workingDays: 5 });
    expect((await refused('hazards.transition', { id: h.id, version: h.version, action: 'pass' })).message).toBe('隐患当前状态为“已下达整改”，不能“复查通过（闭环销号）”，现在可以“开始整改”。');
    expect((await refused('hazards.transition', { id: h.id, version: h.version - 1, action: 'start' })).code).toBe('CONFLICT');
    h = await step(h, 'start');
    expect((await refused('hazards.transition', { id: h.id, version: h.version, action: 'submit' })).message).toBe('提交整改请附整改后的佐证材料（照片、检验报告等）。');
    for (let round = 1; round <= 2; round += 1) {
      h = await step(h, 'submit', { evidence: [await stagedPhoto(t, `整改后${round}.png`)] });
      h = await step(h, 'review');
      expect(h.actions).toEqual(['pass', 'fail']);
      expect((await refused('hazards.transition', { id: h.id, version: h.version, action: 'fail' })).message).toBe('复查不通过请写明原因。');
      h = await step(h, 'fail', { comment: '照明仍不亮' });
      expect(h).toMatchObject({ state: 'rectifying', failCount: round, escalated: round === 2 });
    }
    expect(h).toMatchObject({ escalationReason: 'failures', alert: { leadUnit: { id: units[0] }, inspectors: [expect.objectContaining({ name: '陈监察', phone: '0512-58123456' })] } });
    h = await step(h, 'submit', { evidence: [await stagedPhoto(t, '整改后3.png')] });
    h = await step(await step(h, 'review'), 'pass', { comment: '复查合格' });
    expect(h).toMatchObject({ state: 'closed', closedOn: '2026-02-12', actions: ['archive'] });
    expect((await refused('hazards.update', { id: h.id, version: h.version, description: '改' })).message).toBe('隐患已闭环销号，不能再修改。');
    h = await step(h, 'archive');
    expect(h).toMatchObject({ state: 'archived', archivedOn: '2026-02-12', actions: [] });
    expect(h.events.map((e) => e.action)).toEqual(['create', 'order', 'start', 'submit', 'review', 'fail', 'submit', 'review', 'fail', 'submit', 'review', 'pass', 'archive']);
    expect(h.events.filter((e) => e.action === 'submit').map((e) => e.evidence[0]!.fileName)).toEqual(['整改后1.png', '整改后2.png', '整改后3.png']);
    // one attachments row per distinct file name, one stored file for the same bytes
    expect(sqlite().prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM attachments').get()).toEqual({ n: 4, d: 1 });
    const audited = sqlite().prepare("SELECT call, count(*) AS n FROM audit_log WHERE call LIKE 'hazards.%' GROUP BY call ORDER BY call").all();
    expect(audited).toEqual([{ call: 'hazards.create', n: 1 }, { call: 'hazards.transition', n: 12 }]);
    // each entry names the hazard and the step it wrote, in the order of the history
    const events = sqlite().prepare('SELECT id FROM hazard_events WHERE hazard_id = ? ORDER BY rowid').pluck().all(h.id);
    const named = sqlite().prepare("SELECT row_ids FROM audit_log WHERE call LIKE 'hazards.%' ORDER BY seq").pluck().all() as string[];
    expect(named.map((r) => JSON.parse(r))).toEqual(events.map((eventId) => [h.id, eventId]));
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('lists overdue first, escalates overdue hazards once, and sums up closure', async () => {
    const { hazard, units, blockId } = await setup();
    const late = await step(hazard, 'order', { workingDays: 5 }); // due 2026-02-26
    const onTime = await t.ok('hazards.create', { unitId: units[2], description: '叉车喇叭失灵', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' });
    await step(onTime, 'order', { workingDays: 20 });
    const outside = addUnit(sqlite(), { name: '张家港市塘桥无组纺织有限公司', pieces: 1 });
    const loose = await t.ok('hazards.create', { unitId: outside, description: '锅炉水位表模糊', level: 'major', foundBy: '李监察', foundOn: '2026-02-10' });
    let closed = await step(loose, 'order', { workingDays: 1 });
    closed = await step(await step(closed, 'start'), 'submit', { evidence: [await stagedPhoto(t)] });
    day = '2026-03-02';
    expect(await step(await step(closed, 'review'), 'pass')).toMatchObject({ state: 'closed', closedOn: '2026-03-02' });
    const list = await t.ok('hazards.list', { open: true });
    expect(list.map((h) => [h.id, h.overdue, h.daysOverdue])).toEqual([
      [late.id, true, 4],
      [onTime.id, false, 0],
    ]);
    expect((await t.ok('hazards.list', { overdue: true, blockId })).map((h) => h.id)).toEqual([late.id]);
    expect((await t.ok('hazards.list', { level: 'major' })).map((h) => h.state)).toEqual(['closed']);
    expect(await t.ok('hazards.escalateOverdue', {})).toEqual({ escalated: [late.id] });
    expect(await t.ok('hazards.escalateOverdue', {})).toEqual({ escalated: [] });
    // one entry for the run, naming the hazards and then their escalation steps; none for the empty run
    const entries = sqlite().prepare("SELECT row_ids AS ids, before, after FROM audit_log WHERE call = 'hazards.escalateOverdue'").all();
    const escalations = sqlite().prepare("SELECT id FROM hazard_events WHERE action = 'escalate'").pluck().all();
    expect(entries).toEqual([{ ids: JSON.stringify([late.id, ...escalations]), before: null, after: JSON.stringify({ escalated: [late.id], reason: 'overdue' }) }]);
    const escalated = await t.ok('hazards.get', { id: late.id });
    expect(escalated).toMatchObject({ escalated: true, escalationReason: 'overdue', alert: { leadUnit: { id: units[0] } } });
    expect(escalated.events.at(-1)).toMatchObject({ action: 'escalate', fromState: 'ordered', toState: 'ordered' });
    // found 2/10, closed 3/2: 20 calendar days; working days 2/11–3/2 = 2/11, 2/12, 2/13, 2/14, 2/24–2/28, 3/2 = 10
    expect(await t.ok('hazards.stats', {})).toEqual({
      total: 3,
      open: 2,
      overdue: 1,
      escalated: 1,
      closed: 1,
      closureRate: 0.333,
      averageClosingDays: 20,
      averageClosingWorkingDays: 10,
      byBlock: [{ blockId, blockName: '塘桥第一组', open: 2, overdue: 1 }],
      byState: [
        { state: 'found', count: 0 },
        { state: 'ordered', count: 2 },
        { state: 'rectifying', count: 0 },
        { state: 'submitted', count: 0 },
        { state: 'reviewing', count: 0 },
        { state: 'closed', count: 1 },
        { state: 'archived', count: 0 },
      ],
      byDistrict: [{ districtId: 'seed-district-03', districtName: '塘桥', total: 3, open: 2, overdue: 1, closed: 1 }],
    });
  });

  it('refuses bad input without changing anything', async () => {
    const { hazard } = await setup();
    const other = addUnit(sqlite(), { name: '外区公司', pieces: 1 });
    sqlite().prepare("UPDATE units SET district_id = 'seed-district-01' WHERE id = ?").run(other);
    const before = sqlite().prepare('SELECT (SELECT count(*) FROM hazards) AS h, (SELECT count(*) FROM hazard_events) AS e, (SELECT count(*) FROM audit_log) AS a').get();
    expect((await refused('hazards.create', { unitId: other, description: '某隐患', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' })).code).toBe('FORBIDDEN');
    expect((await refused('hazards.create', { unitId: hazard.unitId, description: '', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' })).message).toContain('请描述隐患');
    expect((await refused('hazards.create', { unitId: hazard.unitId, description: '某', level: 'big', foundBy: '陈', foundOn: '2026-02-12' })).message).toContain('隐患等级应为一般隐患或重大隐患');
    expect((await refused('hazards.create', { unitId: hazard.unitId, description: '某', level: 'general', foundBy: '陈', foundOn: '2026-02-13' })).message).toBe('发现日期不能晚于今天。');
    const fake = (await t.ok('files.stage', { name: '报告.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') })).id;
    expect((await refused('hazards.transition', { id: hazard.id, version: hazard.version, action: 'order', evidence: [fake] })).message).toContain('内容与其扩展名不符');
    expect((await refused('hazards.transition', { id: hazard.id, version: hazard.version, action: 'order', workingDays: 0 })).message).toContain('至少 1 个工作日');
    expect((await refused('hazards.transition', { id: hazard.id, version: hazard.version, action: 'order', orderedOn: '2026-02-01' })).message).toBe('下达整改的日期不能早于发现日期。');
    expect(sqlite().prepare('SELECT (SELECT count(*) FROM hazards) AS h, (SELECT count(*) FROM hazard_events) AS e, (SELECT count(*) FROM audit_log) AS a').get()).toEqual(before);
    expect((await t.ok('hazards.get', { id: hazard.id })).version).toBe(1);
  });

  it('numbers hazards per district and year, and finds them by number, unit or description', async () => {
    const { hazard, units } = await setup();
    expect(hazard.number).toBe('2026-0001');
    const second = await t.ok('hazards.create', { unitId: units[2], description: '压力表超期未检', level: 'major', foundBy: '陈监察', foundOn: '2026-02-12' });
    expect(second.number).toBe('2026-0002');
    // a hazard another office numbered in 锦丰 does not take a number of 塘桥's
    sqlite().prepare("UPDATE hazards SET district_id = 'seed-district-04', number = '2026-0007' WHERE id = ?").run(second.id);
    const third = await t.ok('hazards.create', { unitId: units[3], description: '叉车制动失灵', level: 'general', foundBy: '陈监察', foundOn: '2026-02-12' });
    expect(third.number).toBe('2026-0002');
    // the year turns: numbering starts again
    day = '2027-01-04';
    const next = await t.ok('hazards.create', { unitId: units[3], description: '锅炉水位计模糊', level: 'general', foundBy: '陈监察', foundOn: '2027-01-04' });
    expect(next.number).toBe('2027-0001');
    expect(JSON.parse((sqlite().prepare("SELECT after FROM audit_log WHERE call = 'hazards.create' ORDER BY seq DESC").get() as { after: string }).after)).toMatchObject({ number: '2027-0001' });

    const found = async (search: string) => (await t.ok('hazards.list', { search })).map((h) => h.number);
    expect(await found('2026-0001')).toEqual(['2026-0001']);
    expect(await found('1')).toEqual(['2026-0001', '2027-0001']); // a serial alone, as said on the phone
    expect(await found('叉车')).toEqual(['2026-0002']);
    const unitName = (sqlite().prepare('SELECT name FROM units WHERE id = ?').get(units[1]) as { name: string }).name;
    expect(await found(unitName)).toEqual(['2026-0001']);
    expect(await found('%')).toEqual([]);
    expect(await t.ok('hazards.list', { limit: 2 })).toHaveLength(2);
  });

  it('filters a district’s hazards through an index', async () => {
    await setup();
    const plan = (sql: string) => (sqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM hazards h WHERE h.district_id = 'seed-district-03' AND h.state = 'ordered'")).toContain('USING INDEX hazards_district_state');
    expect(plan("SELECT id FROM hazards h WHERE h.block_id = 'b'")).toContain('USING INDEX hazards_block');
    expect(plan("SELECT id FROM hazard_events WHERE hazard_id = 'h' ORDER BY at")).toContain('USING INDEX hazard_events_hazard');
  });
});
