import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, JINFENG, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { samplePdf } from '../acceptance/testing/fill.ts';

// 月度工作小结 travels both ways: the office's submitted summary goes up in its next
// bundle; the bureau's review is a row the bureau owns and comes back down to that
// office only. Every node's clock reads 10:00 China time on the day set.

let net: ExchangeNetwork<'office' | 'other' | 'bureau'>;
let office: ExchangeNode;
let other: ExchangeNode;
let bureau: ExchangeNode;
let day = '2026-12-20';
// staging prunes files by their real mtime: files are staged on the real clock
let realClock = false;
const now = () => (realClock ? new Date() : new Date(`${day}T02:00:00Z`));

beforeEach(async () => {
  day = '2026-12-20';
  net = await exchangeNetwork({ office: TANGQIAO, other: JINFENG, bureau: BUREAU }, { now });
  ({ office, other, bureau } = net);
});
afterEach(() => net.cleanup());

const text = { experience: '组长单位每月组织互查。', problems: '两个小组监督员未取证。', proposals: '建议再组织一期考核。' };
const rowOf = (node: ExchangeNode, table: string, origin: string) => JSON.stringify(node.core.ctx.database.sqlite.prepare(`SELECT * FROM ${table} WHERE origin_node = ? ORDER BY id`).all(origin));
const cell = async (nodeId: string, month = '2026-12') => (await bureau.ok('summaries.cityView', { count: 2 })).offices.find((o) => o.nodeId === nodeId)!.cells.find((c) => c.month === month)!;

describe('monthly summaries in bundles', () => {
  it('carries the submission up, the return back to that office only, and the resubmission up again', async () => {
    realClock = true;
    const staged = await office.ok('files.stage', { name: '互查记录.pdf', contentBase64: samplePdf.toString('base64') });
    realClock = false;
    let summary = await office.ok('summaries.save', { month: '2026-12', version: null, ...text, stagedIds: [staged.id] });
    summary = await office.ok('summaries.submit', { month: '2026-12', version: summary.version });
    await other.ok('summaries.save', { month: '2026-12', version: null, ...text });

    const up = await net.send(office, bureau);
    expect(up.rowCounts).toMatchObject({ monthly_summaries: 1, attachments: 1 });
    expect(up.files).toBe(1);
    await net.send(other, bureau);
    expect(rowOf(bureau, 'monthly_summaries', office.id)).toBe(rowOf(office, 'monthly_summaries', office.id));

    // the city view: 塘桥 on time; 锦丰 only has a draft, not yet due; November precedes their enrolment
    const view = await bureau.ok('summaries.cityView', { count: 2 });
    expect(view.months).toEqual(['2026-11', '2026-12']);
    expect(view.offices.map((o) => [o.nodeName, o.districtName, o.cells.map((c) => [c.status, c.timeliness])])).toEqual([
      ['塘桥分局', '塘桥', [['not_expected', null], ['submitted', 'on_time']]],
      ['锦丰分局', '锦丰', [['not_expected', null], ['draft', 'pending']]],
    ]);
    // the bureau reads the submission with its frozen figures, never a draft, and cannot change it
    const atBureau = await bureau.ok('summaries.get', { month: '2026-12', officeNode: office.id });
    expect(atBureau).toMatchObject({ status: 'submitted', timeliness: 'on_time', editable: false, reviewable: true, experience: text.experience, title: '塘桥分局2026年12月特种设备“区、块、链”监管工作小结' });
    expect(atBureau.figures).toEqual(summary.figures);
    const attachment = await bureau.ok('summaries.attachmentFile', { attachmentId: atBureau.attachments[0]!.attachmentId });
    expect(attachment.fileName).toBe('互查记录.pdf');
    expect(Buffer.from(attachment.contentBase64, 'base64')).toEqual(samplePdf);
    expect((await bureau.refused('summaries.get', { month: '2026-12', officeNode: other.id })).code).toBe('NOT_FOUND');
    expect((await bureau.refused('summaries.save', { month: '2026-12', version: null, ...text })).code).toBe('FORBIDDEN');
    expect((await office.refused('summaries.review', { summaryId: summary.id, submittedAt: summary.submittedAt, action: 'receive' })).code).toBe('FORBIDDEN');
    const docx = await bureau.ok('summaries.exportDocx', { month: '2026-12', officeNode: office.id });
    expect(docx.fileName).toBe('塘桥分局2026年12月工作小结.docx');

    // a return needs a comment and answers the submission the bureau read
    expect((await bureau.refused('summaries.review', { summaryId: summary.id, submittedAt: summary.submittedAt, action: 'return' })).message).toContain('写明意见');
    expect((await bureau.refused('summaries.review', { summaryId: summary.id, submittedAt: '2026-12-01T00:00:00.000Z', action: 'return', comment: 'x' })).code).toBe('CONFLICT');
    day = '2026-12-21';
    const returned = await bureau.ok('summaries.review', { summaryId: summary.id, submittedAt: summary.submittedAt, action: 'return', comment: '请补充隐患闭环数据的说明' });
    expect(returned).toMatchObject({ status: 'returned', reviewable: false, latestReview: { action: 'return', reviewedOn: '2026-12-21' } });
    expect((await cell(office.id)).status).toBe('returned');
    const summariesAtBureau = rowOf(bureau, 'monthly_summaries', office.id);

    const down = await net.send(bureau, office);
    expect(down.rowCounts).toMatchObject({ summary_reviews: 1 });
    expect(rowOf(bureau, 'monthly_summaries', office.id)).toBe(summariesAtBureau);
    const toOther = await net.send(bureau, other);
    expect(toOther.rowCounts['summary_reviews'] ?? 0).toBe(0);
    expect(other.core.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM summary_reviews').get()).toEqual({ n: 0 });

    // the office sees it returned, with the comment, and submits again on the 22nd
    summary = await office.ok('summaries.get', { month: '2026-12' });
    expect(summary).toMatchObject({ status: 'returned', editable: true, latestReview: { comment: '请补充隐患闭环数据的说明' } });
    day = '2026-12-22';
    summary = await office.ok('summaries.save', { month: '2026-12', version: summary.version, ...text, narrative: '本月隐患闭环 3 处，另 1 处整改中。' });
    summary = await office.ok('summaries.submit', { month: '2026-12', version: summary.version });
    expect(summary).toMatchObject({ status: 'submitted', timeliness: 'on_time', attachments: [expect.objectContaining({ fileName: '互查记录.pdf' })] });
    await net.send(office, bureau);
    expect(await cell(office.id)).toMatchObject({ status: 'submitted', timeliness: 'on_time', latestReview: null, submittedAt: summary.submittedAt });

    await bureau.ok('summaries.review', { summaryId: summary.id, submittedAt: summary.submittedAt, action: 'receive' });
    expect((await bureau.refused('summaries.review', { summaryId: summary.id, submittedAt: summary.submittedAt, action: 'receive' })).message).toContain('已收');
    await net.send(bureau, office);
    expect(await office.ok('summaries.get', { month: '2026-12' })).toMatchObject({ status: 'received', timeliness: 'on_time', editable: false, narrative: '本月隐患闭环 3 处，另 1 处整改中。' });
    expect((await office.ok('summaries.get', { month: '2026-12' })).reviews.map((r) => r.action)).toEqual(['return', 'receive']);

    // after the due date, an office that sent nothing is 未报
    day = '2026-12-26';
    expect(await cell(other.id)).toMatchObject({ status: 'draft', timeliness: 'missing' });
  });

  it('judges on time by when the bureau received the submission, not by the office PC’s clock', async () => {
    // the office stamps its submission on the 24th (its clock), but the bundle reaches the bureau on the 27th
    day = '2026-12-24';
    let summary = await office.ok('summaries.save', { month: '2026-12', version: null, ...text });
    summary = await office.ok('summaries.submit', { month: '2026-12', version: summary.version });
    expect(summary).toMatchObject({ timeliness: 'on_time', receivedAt: null });
    const late = await office.ok('bundles.export', { outFile: path.join(office.dir, 'late.qklb') });
    day = '2026-12-27';
    await bureau.ok('bundles.import', { paths: [late.file] });
    expect(await cell(office.id)).toMatchObject({ status: 'submitted', timeliness: 'late', submittedAt: summary.submittedAt, receivedAt: '2026-12-27T02:00:00.000Z' });
    expect(await bureau.ok('summaries.get', { month: '2026-12', officeNode: office.id })).toMatchObject({ timeliness: 'late', submittedAt: summary.submittedAt, receivedAt: '2026-12-27T02:00:00.000Z' });

    // a later bundle carrying the same submission does not move its arrival
    day = '2026-12-28';
    await net.send(office, bureau);
    expect((await cell(office.id)).receivedAt).toBe('2026-12-27T02:00:00.000Z');

    // 锦丰 submits on the 25th and the bureau imports the same day: on time
    day = '2026-12-25';
    const theirs = await other.ok('summaries.save', { month: '2026-12', version: null, ...text });
    await other.ok('summaries.submit', { month: '2026-12', version: theirs.version });
    await net.send(other, bureau);
    expect(await cell(other.id)).toMatchObject({ timeliness: 'on_time', receivedAt: '2026-12-25T02:00:00.000Z' });
  });

  it('shows only the bureau’s reviews: a review row of another origin is no answer', async () => {
    let summary = await office.ok('summaries.save', { month: '2026-12', version: null, ...text });
    summary = await office.ok('summaries.submit', { month: '2026-12', version: summary.version });
    // a row that did not come from the bureau (merge refuses such rows; here it is put straight into the table)
    const now = new Date().toISOString();
    office.core.ctx.database.sqlite
      .prepare(
        `INSERT INTO summary_reviews (id, origin_node, created_at, updated_at, version, summary_id, office_node, submitted_at, action, comment, reviewed_on, reviewed_by)
         VALUES ('planted', ?, ?, ?, 1, ?, ?, ?, 'return', '伪造的退回意见', '2026-12-20', '冒名')`,
      )
      .run(other.id, now, now, summary.id, office.id, summary.submittedAt);
    expect(await office.ok('summaries.get', { month: '2026-12' })).toMatchObject({ status: 'submitted', reviews: [], latestReview: null });
  });
});
