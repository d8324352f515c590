import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import type { AcceptanceDetail } from '../../api/schemas/acceptance.ts';
import { verifyAuditChain } from '../audit.ts';
import { attachmentPath } from '../attachments/store.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';
import { fillFile, samplePdf, samplePng } from './testing/fill.ts';

let t: TestCore;
let unitId: string;
const now = () => new Date('2026-11-29T02:00:00Z');

beforeEach(async () => {
  t = await districtCore({ now });
  const sqlite = t.core.ctx.database.sqlite;
  unitId = insertUnit(sqlite, { name: '张家港示范机械有限公司' });
  insertPieces(sqlite, unitId, 3, { registrationNo: '梯11苏E00001(17)', next: '2027-06-01' });
  insertManager(sqlite, unitId, { name: '周安全', itemCode: 'A', expiry: '2028-05-01' });
});
afterEach(() => t.cleanup());

async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}

const item = (d: AcceptanceDetail, code: string) => d.areas.flatMap((a) => a.items).find((i) => i.code === code)!;

describe('acceptance files at the office', () => {
  it('creates a file on the pinned checklist with the registry’s answers pre-filled', async () => {
    const file = await t.ok('acceptance.create', { unitId, phase: 'pilot', inspectorName: '陈监察' });
    expect(file).toMatchObject({ state: 'created', checklistVersion: 'v2', round: 0, inspectorName: '陈监察', unitName: '张家港示范机械有限公司', contradictions: [] });
    expect(file.areas).toHaveLength(6);
    expect(file.completeness.total).toBe(27);
    expect(item(file, '2.2')).toMatchObject({ result: 'pass', resultSource: 'prefill', prefill: { outcome: 'pass' } });
    expect(item(file, '3.2')).toMatchObject({ result: 'pass', prefill: { outcome: 'pass' } });
    expect(item(file, '1.1')).toMatchObject({ result: 'pass', prefill: { key: 'managers', outcome: 'pass' } });
    // elevators need no operator of the unit's own; the A manager does not count for 6.1
    expect(item(file, '6.1')).toMatchObject({ result: null, prefill: { key: 'operators', outcome: 'unknown' } });
    expect(item(file, '6.1').prefill!.details).toEqual(['电梯 3 台：电梯修理（T）由维护保养单位的持证人员承担，使用单位不需作业人员证']);
    expect(item(file, '4.1').result).toBeNull();
    expect(file.actions).toEqual(['start', 'cancel']);
    // one open file per unit
    expect((await refused('acceptance.create', { unitId, phase: 'pilot' })).code).toBe('DUPLICATE');
    expect(await t.ok('acceptance.candidates', {})).toEqual([]);
  });

  it('stores evidence once by content, checks its type and size, and removes it by tombstone', async () => {
    const file = await t.ok('acceptance.create', { unitId, phase: 'pilot' });
    const staged = await t.ok('files.stage', { name: '安全生产责任制度.pdf', contentBase64: samplePdf.toString('base64') });
    const evidence = await t.ok('acceptance.attachEvidence', { itemId: item(file, '4.1').id, stagedId: staged.id });
    await t.ok('acceptance.attachEvidence', { itemId: item(file, '4.2').id, stagedId: staged.id });
    expect(evidence).toMatchObject({ fileName: '安全生产责任制度.pdf', mimeType: 'application/pdf', size: samplePdf.length, sha256: staged.id });
    expect(existsSync(attachmentPath(t.core.ctx, staged.id))).toBe(true);
    const sqlite = t.core.ctx.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
    expect((await refused('acceptance.attachEvidence', { itemId: item(file, '4.1').id, stagedId: staged.id })).code).toBe('DUPLICATE');

    const png = await t.ok('files.stage', { name: '铭牌.png', contentBase64: samplePng.toString('base64') });
    expect((await t.ok('acceptance.attachEvidence', { itemId: item(file, '5.3').id, stagedId: png.id })).mimeType).toBe('image/png');
    const fake = await t.ok('files.stage', { name: '报告.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') });
    expect((await refused('acceptance.attachEvidence', { itemId: item(file, '5.2').id, stagedId: fake.id })).message).toContain('不符');
    const exe = await t.ok('files.stage', { name: 'setup.exe', contentBase64: Buffer.from('MZ').toString('base64') });
    expect((await refused('acceptance.attachEvidence', { itemId: item(file, '5.2').id, stagedId: exe.id })).message).toContain('不支持');
    await t.ok('acceptance.updateSettings', { maxEvidenceMb: 1 });
    const big = await t.ok('files.stage', { name: '扫描件.pdf', contentBase64: Buffer.concat([samplePdf, Buffer.alloc(1024 * 1024 + 10)]).toString('base64') });
    expect((await refused('acceptance.attachEvidence', { itemId: item(file, '5.2').id, stagedId: big.id })).message).toContain('1 MB');

    expect(await t.ok('acceptance.removeEvidence', { id: evidence.id })).toEqual({ removed: true });
    const after = await t.ok('acceptance.get', { id: file.id });
    expect(item(after, '4.1').evidence).toEqual([]);
    expect(sqlite.prepare('SELECT deleted_at IS NOT NULL AS gone FROM acceptance_evidence WHERE id = ?').get(evidence.id)).toEqual({ gone: 1 });
    const file4 = after.areas.find((a) => a.code === '4')!;
    // 2.2 and 3.2 need evidence on the current checklist: the ledger alone is not enough
    expect(after.missingEvidence).toEqual(expect.arrayContaining(['2.2 所有特种设备均办理使用登记', '3.2 特种设备及其安全附件均按期检验']));
    expect(file4.completeness).toMatchObject({ required: 12, complete: 1 });
  });

  it('validates transitions in one place, requires a complete file for the city, and locks it there', async () => {
    let file = await t.ok('acceptance.create', { unitId, phase: 'rollout' });
    expect((await refused('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' })).message).toContain('创建');
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'start' });
    expect((await refused('acceptance.transition', { id: file.id, version: file.version - 1, action: 'submit' })).code).toBe('CONFLICT');
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
    expect((await refused('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' })).message).toMatch(/未填写结果/);
    expect((await refused('acceptance.saveItem', { itemId: item(file, '4.12').id, version: 1, result: 'na' })).message).toContain('理由');
    await t.ok('acceptance.saveItem', { itemId: item(file, '4.12').id, version: 1, result: 'na', reason: '无重点监控设备' });
    await fillFile(t, await t.ok('acceptance.get', { id: file.id }));
    file = await t.ok('acceptance.get', { id: file.id });
    expect(item(file, '4.12')).toMatchObject({ result: 'na', reason: '无重点监控设备', evidence: [] });
    expect(file.completeness.required).toBe(file.completeness.complete);
    expect(file.missingEvidence).toEqual([]);
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
    expect(file).toMatchObject({ state: 'city_review', round: 1, locked: true, actions: [] });
    expect((await refused('acceptance.saveItem', { itemId: item(file, '4.1').id, version: item(file, '4.1').version, result: 'fail', comment: 'x' })).message).toContain('市局验收');
    expect((await refused('acceptance.decide', { fileId: file.id, outcome: 'pass' })).code).toBe('FORBIDDEN');
    // who did what, when: in the audit log, chained
    expect(file.history.map((h) => h.what)).toEqual(expect.arrayContaining(['办理：报市局验收', '办理：提交分局审核', '办理：开始自查']));
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('keeps the plaque pattern as a setting', async () => {
    expect(await t.ok('acceptance.settings', {})).toEqual({ plaquePattern: '张特示〔{year}〕第{seq:000}号', maxEvidenceMb: 20 });
    expect((await refused('acceptance.updateSettings', { plaquePattern: '张特示' })).message).toContain('{seq}');
    expect((await t.ok('acceptance.updateSettings', { plaquePattern: '张特示〔{year}〕{seq:00}号' })).plaquePattern).toBe('张特示〔{year}〕{seq:00}号');
  });
});
