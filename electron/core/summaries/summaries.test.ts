import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { addUnits, trustBureau } from '../blocks/testing/fixtures.ts';
import { ZipFile } from '../sheets/zip-file.ts';
import { stagedPhoto } from '../hazards/testing/fixtures.ts';
import { hazard, insertRow } from './testing/fixtures.ts';

// The 塘桥 office writes, submits and (after a return) resubmits its December
// summary on a real SQLite file. The clock is an instant set per step.

let t: TestCore;
let clock = '2026-12-20T02:00:00Z';
afterEach(() => t?.cleanup());
const at = (iso: string) => (clock = iso);
const sqlite = () => t.core.ctx.database.sqlite;

async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}

async function setup() {
  at('2026-12-20T02:00:00Z');
  t = await districtCore({ now: () => new Date(clock) });
  return addUnits(sqlite(), 3, { prefix: '塘桥' });
}

const text = { experience: '以块带面，组长单位每月组织互查。', problems: '部分小组监督员尚未取证。', proposals: '建议市局年内再组织一期监督员考核。' };

async function draft(more: Record<string, unknown> = {}) {
  return t.ok('summaries.save', { month: '2026-12', version: null, ...text, narrative: '本月完成电梯专项检查。', ...more });
}

/** The bureau's answer as a bureau bundle leaves it at the office: a row the bureau owns, naming this office. */
function bureauAnswer(summaryId: string, submittedAt: string, action: 'return' | 'receive', comment: string | null, createdAt: string) {
  const office = (sqlite().prepare('SELECT id FROM node_identity').get() as { id: string }).id;
  trustBureau(sqlite());
  insertRow(sqlite(), 'summary_reviews', { origin_node: 'bureau', created_at: createdAt, updated_at: createdAt, summary_id: summaryId, office_node: office, submitted_at: submittedAt, action, comment, reviewed_on: createdAt.slice(0, 10), reviewed_by: '市局特设科' });
}

async function documentXml(file: { contentBase64: string }): Promise<string> {
  const out = path.join(t.dir, 'summary.docx');
  writeFileSync(out, Buffer.from(file.contentBase64, 'base64'));
  const zip = await ZipFile.open(out);
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of zip.read(zip.entry('word/document.xml')!)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

describe('the office’s monthly summary', () => {
  it('starts pre-filled, saves a draft with attachments, refuses an empty field on submit and freezes the figures', async () => {
    const units = await setup();
    const fresh = await t.ok('summaries.get', { month: '2026-12' });
    expect(fresh).toMatchObject({ id: null, version: null, status: 'not_started', timeliness: 'pending', dueOn: '2026-12-25', editable: true, figuresFrozen: false, title: '塘桥分局2026年12月特种设备“区、块、链”监管工作小结', authority: '张家港市市场监督管理局塘桥分局' });
    expect(fresh.figures?.registry).toEqual({ units: 3, list1Units: 3, list2Managers: 3 });

    // staging prunes files older than a day by their real mtime: stage on the real clock
    at(new Date().toISOString());
    const photo = await stagedPhoto(t, '互查现场.png');
    at('2026-12-20T02:00:00Z');
    let s = await draft({ proposals: null, stagedIds: [photo] });
    expect(s).toMatchObject({ version: 1, storedState: 'draft', status: 'draft', proposals: null, attachments: [expect.objectContaining({ fileName: '互查现场.png', mimeType: 'image/png' })] });
    // a first save is one audit entry: the new row with what the office wrote, no before
    const saved = sqlite().prepare("SELECT row_ids AS ids, before, after FROM audit_log WHERE call = 'summaries.save'").all() as Array<{ ids: string; before: string | null; after: string }>;
    expect(saved).toEqual([{ ids: JSON.stringify([s.id]), before: null, after: expect.any(String) }]);
    expect(JSON.parse(saved[0]!.after)).toEqual({ month: '2026-12', ...text, proposals: null, narrative: '本月完成电梯专项检查。', attachments: [s.attachments[0]!.attachmentId], state: 'draft' });
    const file = await t.ok('summaries.attachmentFile', { attachmentId: s.attachments[0]!.attachmentId });
    expect(file.fileName).toBe('互查现场.png');

    // the proposals are missing: refused, naming the field; nothing changes
    const missing = await refused('summaries.submit', { month: '2026-12', version: s.version });
    expect(missing).toMatchObject({ code: 'VALIDATION', details: { field: 'proposals' } });
    expect(missing.message).toContain('意见建议');
    // with more texts missing, each is named at once
    const blank = await t.ok('summaries.save', { month: '2026-12', version: s.version, ...text, experience: null, proposals: null });
    const both = await refused('summaries.submit', { month: '2026-12', version: blank.version });
    expect((both.details!['issues'] as Array<{ field: string }>).map((i) => i.field)).toEqual(['experience', 'proposals']);
    s = await t.ok('summaries.save', { month: '2026-12', version: blank.version, ...text, proposals: null });
    expect((await t.ok('summaries.get', { month: '2026-12' })).version).toBe(s.version);
    expect((await refused('summaries.save', { month: '2026-12', version: s.version! - 1, ...text })).code).toBe('CONFLICT');
    expect((await refused('summaries.save', { month: '2027-01', version: null, ...text })).details).toEqual({ field: 'month' });

    // a draft keeps the figures it was saved with until refreshed
    hazard(sqlite(), units[0]!, { foundOn: '2026-12-18' });
    expect((await t.ok('summaries.get', { month: '2026-12' })).figures?.hazards.found).toBe(0);
    s = await t.ok('summaries.refreshFigures', { month: '2026-12', version: s.version });
    expect(s.figures?.hazards.found).toBe(1);

    // removing an attachment is naming the ones kept; absent, all are kept
    const removed = await t.ok('summaries.save', { month: '2026-12', version: s.version, ...text, keepAttachmentIds: [] });
    expect(removed.attachments).toEqual([]);
    expect((await refused('summaries.save', { month: '2026-12', version: removed.version, ...text, keepAttachmentIds: [s.attachments[0]!.attachmentId] })).details).toEqual({ field: 'attachments' });
    s = await t.ok('summaries.save', { month: '2026-12', version: removed.version, ...text, stagedIds: [] });
    expect(s.attachments).toEqual([]);
    // fill in the proposals, submit on the 20th
    at(new Date().toISOString());
    const again = await stagedPhoto(t, '互查现场.png');
    at('2026-12-20T02:00:00Z');
    s = await t.ok('summaries.save', { month: '2026-12', version: s.version, ...text, stagedIds: [again] });
    hazard(sqlite(), units[1]!, { foundOn: '2026-12-19' });
    s = await t.ok('summaries.submit', { month: '2026-12', version: s.version });
    expect(s).toMatchObject({ status: 'submitted', storedState: 'submitted', timeliness: 'on_time', submittedBy: 'tester', submittedAt: '2026-12-20T02:00:00.000Z', editable: false, figuresFrozen: true, attachments: [expect.objectContaining({ fileName: '互查现场.png' })] });
    expect(s.figures?.hazards.found).toBe(2);
    // frozen: later data does not change the submitted figures, and the text cannot change
    hazard(sqlite(), units[2]!, { foundOn: '2026-12-21' });
    expect((await t.ok('summaries.get', { month: '2026-12' })).figures?.hazards.found).toBe(2);
    expect((await refused('summaries.save', { month: '2026-12', version: s.version, ...text })).message).toContain('已报送市局，不能再修改');
    expect((await refused('summaries.refreshFigures', { month: '2026-12', version: s.version })).code).toBe('CONFLICT');
    expect(verifyAuditChain(t.core.ctx).ok).toBe(true);
  });

  it('judges on time against the due date in China time, and a resubmission after a return by its own submission', async () => {
    await setup();
    let s = await draft();
    // 23:59 on the 25th in China is 15:59Z: on time
    at('2026-12-25T15:59:00Z');
    s = await t.ok('summaries.submit', { month: '2026-12', version: s.version });
    expect(s.timeliness).toBe('on_time');

    // the bureau returns it on the 26th; the office sees it returned, editable, with the comment
    at('2026-12-26T01:00:00Z');
    bureauAnswer(s.id!, s.submittedAt!, 'return', '请补充隐患闭环情况', '2026-12-26T00:30:00.000Z');
    s = await t.ok('summaries.get', { month: '2026-12' });
    expect(s).toMatchObject({ status: 'returned', storedState: 'submitted', editable: true, timeliness: 'missing', latestReview: { action: 'return', comment: '请补充隐患闭环情况' } });
    s = await t.ok('summaries.save', { month: '2026-12', version: s.version, ...text, problems: '隐患闭环率偏低，已逐户督促。' });
    expect(s).toMatchObject({ storedState: 'returned', status: 'returned', latestReview: { comment: '请补充隐患闭环情况' } });
    s = await t.ok('summaries.submit', { month: '2026-12', version: s.version });
    // resubmitted on the 26th: late, and the old return no longer answers it
    expect(s).toMatchObject({ status: 'submitted', timeliness: 'late', latestReview: null, submittedAt: '2026-12-26T01:00:00.000Z' });
    expect(s.reviews.map((r) => r.action)).toEqual(['return']);
    bureauAnswer(s.id!, s.submittedAt!, 'receive', null, '2026-12-27T00:00:00.000Z');
    expect(await t.ok('summaries.get', { month: '2026-12' })).toMatchObject({ status: 'received', timeliness: 'late', editable: false });

    // 00:01 on the 26th in China (16:01Z on the 25th) is already late
    at('2026-11-25T16:01:00Z');
    let nov = await t.ok('summaries.save', { month: '2026-11', version: null, ...text });
    nov = await t.ok('summaries.submit', { month: '2026-11', version: nov.version });
    expect(nov).toMatchObject({ dueOn: '2026-11-25', timeliness: 'late' });

    at('2026-12-27T02:00:00Z');
    const list = await t.ok('summaries.list', {});
    expect(list.map((m) => [m.month, m.status, m.timeliness])).toEqual([
      ['2026-12', 'received', 'late'],
      ['2026-11', 'submitted', 'late'],
    ]);
  });

  it('counts down from the 15th to the due day, both settings; a later due day than the month has means its last day', async () => {
    await setup();
    at('2026-12-14T02:00:00Z');
    expect(await t.ok('summaries.status', {})).toEqual({ applicable: true, month: '2026-12', dueOn: '2026-12-25', daysLeft: 11, showCountdown: false, status: 'not_started', timeliness: 'pending' });
    at('2026-12-15T02:00:00Z');
    expect(await t.ok('summaries.status', {})).toMatchObject({ daysLeft: 10, showCountdown: true });
    at('2026-12-26T02:00:00Z');
    expect(await t.ok('summaries.status', {})).toMatchObject({ daysLeft: -1, showCountdown: true, timeliness: 'missing' });

    expect(await t.ok('summaries.settings', {})).toEqual({ dueDay: 25, countdownFromDay: 15 });
    expect((await refused('summaries.updateSettings', { countdownFromDay: 28 })).details).toEqual({ field: 'countdownFromDay' });
    expect((await refused('summaries.updateSettings', { dueDay: 32 })).details).toMatchObject({ field: 'dueDay', issues: [{ field: 'dueDay', path: 'dueDay' }] });
    await t.ok('summaries.updateSettings', { dueDay: 31, countdownFromDay: 20 });
    at('2026-11-19T02:00:00Z');
    expect(await t.ok('summaries.status', {})).toMatchObject({ month: '2026-11', dueOn: '2026-11-30', daysLeft: 11, showCountdown: false });
    // a summary keeps the due date it was written under
    const s = await t.ok('summaries.save', { month: '2026-11', version: null, ...text });
    await t.ok('summaries.updateSettings', { dueDay: 10, countdownFromDay: 5 });
    expect((await t.ok('summaries.get', { month: '2026-11' })).dueOn).toBe('2026-11-30');
    await t.ok('summaries.submit', { month: '2026-11', version: s.version });
    expect(await t.ok('summaries.status', {})).toMatchObject({ showCountdown: false, status: 'submitted', timeliness: 'on_time' });
  });

  it('exports a .docx in the official layout with the title, the figures table and the narrative', async () => {
    await setup();
    let s = await draft();
    let file = await t.ok('summaries.exportDocx', { month: '2026-12' });
    expect(file).toMatchObject({ fileName: '塘桥分局2026年12月工作小结（草稿）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    s = await t.ok('summaries.submit', { month: '2026-12', version: s.version });
    file = await t.ok('summaries.exportDocx', { month: '2026-12' });
    expect(file.fileName).toBe('塘桥分局2026年12月工作小结.docx');
    const xml = await documentXml(file);
    expect(xml).toContain('塘桥分局2026年12月特种设备“区、块、链”监管工作小结');
    for (const heading of ['一、工作开展情况', '二、工作经验', '三、存在问题', '四、意见建议']) expect(xml).toContain(heading);
    expect(xml).toContain(text.experience);
    expect(xml).toContain(text.proposals);
    expect(xml).toContain('清单一：20 台以上设备使用单位');
    expect(xml).toContain(s.rows.find((r) => r.key === 'list1Units')!.value);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('张家港市市场监督管理局塘桥分局');
    expect(xml).toContain('2026年12月20日');
    expect(xml).not.toContain('草稿');
  });

  it('is written only by a district office', async () => {
    at('2026-12-20T02:00:00Z');
    t = await districtCore({ init: false, now: () => new Date(clock) });
    await t.ok('node.init', { role: 'training', name: '市局技术服务中心' });
    expect((await refused('summaries.get', { month: '2026-12' })).code).toBe('FORBIDDEN');
    expect((await refused('summaries.save', { month: '2026-12', version: null, ...text })).code).toBe('FORBIDDEN');
    expect(await t.ok('summaries.status', {})).toMatchObject({ applicable: false, showCountdown: false });
  });
});
