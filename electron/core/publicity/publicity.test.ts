import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { samplePdf, samplePng } from '../acceptance/testing/fill.ts';
import { verifyAuditChain } from '../audit.ts';
import { insertUnit } from '../registry/testing/fixtures.ts';

// The 塘桥 office's publicity and training log on a real SQLite file, with photos in the
// attachments store and the month's figures in its work summary.
let t: TestCore;
const now = () => new Date('2026-06-28T02:00:00Z');
afterEach(() => t?.cleanup());
const sqlite = () => t.core.ctx.database.sqlite;

async function stage(name: string, content: Buffer = samplePng): Promise<string> {
  return (await t.ok('files.stage', { name, contentBase64: content.toString('base64') })).id;
}
async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}
const activity = (more: Record<string, unknown> = {}) => ({
  kind: 'safety_month',
  title: '2026年“安全生产月”特种设备安全宣传咨询日',
  heldOn: '2026-06-16',
  place: '塘桥镇人民广场',
  audience: '辖区群众和使用单位安全管理员',
  participants: 320,
  ...more,
});

describe('publicity and training log', () => {
  it('logs activities with photos, edits and deletes them as tombstones, and sends them in the next bundle', async () => {
    t = await districtCore({ now });
    const unitId = insertUnit(sqlite(), { name: '张家港市塘桥精密机械有限公司' });
    const photo = await stage('咨询台.png');
    const month = await t.ok('publicity.save', { ...activity(), organizer: '塘桥分局特设科', addPhotos: [photo] });
    expect(month).toMatchObject({ kind: 'safety_month', districtName: '塘桥', participants: 320, mine: true, version: 1, photos: [{ fileName: '咨询台.png', mimeType: 'image/png' }] });
    const training = await t.ok('publicity.save', activity({ kind: 'training_into_enterprises', title: '送培训进企业：电梯日常检查', heldOn: '2026-06-20', place: '精密机械公司会议室', audience: '企业安全管理员和作业人员', participants: 25, unitId }));
    expect(training).toMatchObject({ unitName: '张家港市塘桥精密机械有限公司', photos: [] });

    // a photo more and the first one taken off
    const second = await stage('现场合影.png', Buffer.concat([samplePng, Buffer.from([0])]));
    const edited = await t.ok('publicity.save', { ...activity({ participants: 350 }), id: month.id, version: month.version, addPhotos: [second], removePhotos: [month.photos[0]!.attachmentId] });
    expect(edited).toMatchObject({ version: 2, participants: 350, photos: [{ fileName: '现场合影.png' }] });
    const file = await t.ok('publicity.photoFile', { attachmentId: edited.photos[0]!.attachmentId });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 8)).toEqual(samplePng.subarray(0, 8));

    expect((await t.ok('publicity.list', {})).map((a) => a.title)).toEqual(['送培训进企业：电梯日常检查', '2026年“安全生产月”特种设备安全宣传咨询日']);
    expect((await t.ok('publicity.list', { kind: 'safety_month' })).map((a) => a.id)).toEqual([month.id]);
    expect((await t.ok('publicity.list', { from: '2026-06-17', to: '2026-06-30' })).map((a) => a.id)).toEqual([training.id]);

    const deleted = await t.ok('publicity.delete', { id: training.id, version: training.version });
    expect(deleted.id).toBe(training.id);
    expect((await t.ok('publicity.list', {})).map((a) => a.id)).toEqual([month.id]);
    expect(sqlite().prepare('SELECT deleted_at IS NOT NULL AS gone, version FROM publicity_activities WHERE id = ?').get(training.id)).toEqual({ gone: 1, version: 2 });
    // both rows (the tombstone too) and the photos' attachment rows wait for the next bundle
    const pending = sqlite().prepare("SELECT table_name AS t, count(*) AS n FROM sync_changes WHERE table_name IN ('publicity_activities', 'attachments') GROUP BY table_name ORDER BY t").all();
    expect(pending).toEqual([
      { t: 'attachments', n: 2 },
      { t: 'publicity_activities', n: 2 },
    ]);
    expect(verifyAuditChain(t.core.ctx).ok).toBe(true);
    expect(sqlite().prepare("SELECT call FROM audit_log WHERE call LIKE 'publicity.%' ORDER BY seq").pluck().all()).toEqual(['publicity.save', 'publicity.save', 'publicity.save', 'publicity.delete']);
    // a deletion's entry holds what was deleted and the tombstone, as every deletion's entry does
    const removal = sqlite().prepare("SELECT row_ids AS ids, before, after FROM audit_log WHERE call = 'publicity.delete'").get() as { ids: string; before: string; after: string };
    expect(JSON.parse(removal.ids)).toEqual([training.id]);
    expect(JSON.parse(removal.before)).toEqual({ title: training.title, heldOn: training.heldOn, kind: training.kind });
    expect(JSON.parse(removal.after)).toEqual({ deletedAt: deleted.deletedAt, updatedAt: deleted.deletedAt, version: 2 });
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    t = await districtCore({ now });
    const before = () => sqlite().prepare('SELECT (SELECT count(*) FROM publicity_activities) AS a, (SELECT count(*) FROM audit_log) AS l').get();
    const start = before();
    expect(await refused('publicity.save', activity({ heldOn: '2026-07-01' }))).toMatchObject({ code: 'VALIDATION', details: { field: 'heldOn' }, message: '活动日期不能晚于今天：请登记已经开展的活动。' });
    expect(await refused('publicity.save', activity({ participants: 0 }))).toMatchObject({ code: 'VALIDATION', details: { field: 'participants' }, message: '参加人数至少为 1 人' });
    expect(await refused('publicity.save', activity({ place: ' ' }))).toMatchObject({ code: 'VALIDATION', details: { field: 'place' }, message: '请填写活动地点' });
    expect(await refused('publicity.save', activity({ kind: 'party' }))).toMatchObject({ code: 'VALIDATION', details: { field: 'kind' } });
    const pdf = await stage('通知.pdf', samplePdf);
    expect(await refused('publicity.save', { ...activity(), addPhotos: [pdf] })).toMatchObject({ code: 'VALIDATION', details: { field: 'addPhotos' }, message: '“通知.pdf”不是照片：活动照片请上传 JPG 或 PNG 图片。' });
    const elsewhere = insertUnit(sqlite(), { name: '张家港市锦丰某公司', districtId: 'seed-district-04' });
    expect(await refused('publicity.save', activity({ unitId: elsewhere }))).toMatchObject({ code: 'FORBIDDEN', details: { field: 'unitId' } });
    expect(before()).toEqual(start);

    const saved = await t.ok('publicity.save', activity());
    expect(await refused('publicity.save', { ...activity(), id: saved.id, version: 7 })).toMatchObject({ code: 'CONFLICT' });
    expect(await refused('publicity.delete', { id: saved.id, version: 7 })).toMatchObject({ code: 'CONFLICT' });
    // a row another node logged (as the bureau holds them) is read-only here
    sqlite().prepare("UPDATE publicity_activities SET origin_node = 'other-office' WHERE id = ?").run(saved.id);
    expect(await refused('publicity.delete', { id: saved.id, version: 1 })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.ok('publicity.get', { id: saved.id })).mine).toBe(false);
  });

  it('puts the month’s activities and participants into the work summary, by kind', async () => {
    t = await districtCore({ now });
    await t.ok('publicity.save', activity());
    await t.ok('publicity.save', activity({ kind: 'training_into_enterprises', title: '送培训进企业', heldOn: '2026-06-20', participants: 25 }));
    await t.ok('publicity.save', activity({ kind: 'training_into_enterprises', title: '送培训进企业（二）', heldOn: '2026-06-27', participants: 30 }));
    await t.ok('publicity.save', activity({ kind: 'into_schools', title: '特种设备安全进校园', heldOn: '2026-05-30', participants: 200 })); // May
    const june = await t.ok('summaries.get', { month: '2026-06' });
    expect(june.figures?.publicity).toEqual({
      activities: 3,
      participants: 375,
      byKind: [
        { kind: 'safety_month', activities: 1, participants: 320 },
        { kind: 'training_into_enterprises', activities: 2, participants: 55 },
      ],
    });
    expect(june.rows.filter((r) => r.section === '宣传与进企业培训')).toEqual([
      { key: 'publicityActivities', section: '宣传与进企业培训', label: '开展宣传和培训活动', value: '3 次', note: '安全生产月 1 次、送培训进企业 2 次' },
      { key: 'publicityParticipants', section: '宣传与进企业培训', label: '参加活动人数', value: '375 人次', note: '安全生产月 320 人次、送培训进企业 55 人次' },
    ]);
    expect((await t.ok('summaries.get', { month: '2026-05' })).figures?.publicity).toMatchObject({ activities: 1, participants: 200 });
  });
});
