import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { addUnits } from '../blocks/testing/fixtures.ts';
import { loadSigner } from '../keys/keys.ts';
import { fromBase32, toBase32 } from './base32.ts';
import { makePayloadV1 } from './certificate-payload-v1.ts';
import { examOnTrainingNode, people, registerManagers, sheetFile } from './testing/exam-setup.ts';
import { testIdNumber } from './testing/workbooks.ts';

// Certificates from published results, their signed QR payload, offline verification
// and the pool, on real nodes with real keys.

let centre: ExchangeNode;
beforeEach(async () => {
  centre = await exchangeNode('training', '张家港市特种设备技术服务中心');
});
afterEach(() => centre.cleanup());

async function passedExam(node: ExchangeNode, title?: string) {
  const setup = await examOnTrainingNode(node, { title });
  // the three are safety managers with a valid A certificate in the centre's registry
  if (!title) registerManagers(node);
  await node.ok('training.grade', {
    examId: setup.exam.id,
    source: { kind: 'path', path: await sheetFile(node, [
      { candidateNo: 'C1', name: people[0]!.name, idNumber: people[0]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'A'] },
      { candidateNo: 'C2', name: people[1]!.name, idNumber: people[1]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'B'] },
      { candidateNo: 'C3', name: people[2]!.name, idNumber: people[2]!.idNumber, marks: ['错', '对', 'A', 'A', 'B'] },
    ]) },
  });
  return setup;
}

describe('supervisor certificates', () => {
  it('are issued from published results only, numbered per year from the pattern, valid for four years', async () => {
    const { exam } = await passedExam(centre);
    expect((await centre.refused('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' })).message).toContain('先“发布成绩”');
    await centre.ok('training.publishResults', { examId: exam.id });
    const first = await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' });
    expect(first.issued.map((c) => [c.certificateNo, c.holderName, c.unitName, c.issueDate, c.validUntil])).toEqual([
      ['张特监〔2026〕第0001号', '王小明', people[0]!.unit, '2026-12-04', '2030-12-03'],
      ['张特监〔2026〕第0002号', '李芳', people[1]!.unit, '2026-12-04', '2030-12-03'],
    ]);
    expect(first.issued[0]!.idNumberMasked).toMatch(/^3205\*+\d{3}[\dX]$/);
    // one issue, one audit entry naming every certificate it issued
    const issues = centre.core.ctx.database.sqlite.prepare("SELECT row_ids AS ids, after FROM audit_log WHERE call = 'training.issueCertificates'").all() as Array<{ ids: string; after: string }>;
    expect(issues.map((e) => JSON.parse(e.ids))).toEqual([first.issued.map((c) => c.id)]);
    expect(JSON.parse(issues[0]!.after)).toMatchObject({ examId: exam.id, issueDate: '2026-12-04', validUntil: '2030-12-03', count: 2 });
    expect(await centre.ok('training.issueCertificates', { examId: exam.id })).toEqual({ issued: [], alreadyCertified: 2, withheld: [] });
    expect((await centre.ok('training.results', { examId: exam.id })).map((r) => r.certificateNo)).toEqual(['张特监〔2026〕第0001号', '张特监〔2026〕第0002号', null]);

    await centre.ok('training.updateSettings', { certificatePattern: 'ZJG-{year}-{seq:3}' });
    const next = await passedExam(centre, '第二期');
    await centre.ok('training.publishResults', { examId: next.exam.id });
    expect((await centre.ok('training.issueCertificates', { examId: next.exam.id, issueDate: '2026-12-20' })).issued.map((c) => c.certificateNo)).toEqual(['ZJG-2026-003', 'ZJG-2026-004']);
    const third = await passedExam(centre, '第三期');
    await centre.ok('training.publishResults', { examId: third.exam.id });
    expect((await centre.ok('training.issueCertificates', { examId: third.exam.id, issueDate: '2027-01-05' })).issued.map((c) => c.certificateNo)).toEqual(['ZJG-2027-001', 'ZJG-2027-002']);
    expect((await centre.refused('training.updateSettings', { certificatePattern: '无序号' })).code).toBe('VALIDATION');

    // a key correction that fails a certified holder names the certificate, to be revoked by hand
    await centre.ok('training.unlockResults', { examId: exam.id, reason: '答案有误' });
    const regraded = await centre.ok('training.correctKey', { bankId: (await centre.ok('training.exam', { id: exam.id })).bankId, no: 4, answer: 'A、D', points: 40, reason: '更正' });
    expect(regraded.certifiedNowFailing.map((c) => [c.certificateNo, c.holderName])).toEqual([['张特监〔2026〕第0002号', '李芳']]);
    expect(await centre.ok('training.exam', { id: exam.id })).toMatchObject({ fullMarks: 120, passMark: 70, passed: 1 });
  });

  it('verify offline: genuine, expired, revoked, forged, malformed; unknown to a node that does not know the issuer', async () => {
    const { exam } = await passedExam(centre);
    await centre.ok('training.publishResults', { examId: exam.id });
    const [cert] = (await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' })).issued;
    const payload = cert!.payload;
    expect(await centre.ok('training.verifyCertificate', { payload, asOf: '2027-01-01' })).toMatchObject({
      status: 'genuine', certificateNo: '张特监〔2026〕第0001号', holderName: '王小明', validUntil: '2030-12-03', issuerName: '张家港市特种设备技术服务中心', recordFound: true,
      message: '证书真实有效，有效期至 2030-12-03。',
    });
    expect(await centre.ok('training.verifyCertificate', { payload, asOf: '2031-01-01' })).toMatchObject({ status: 'expired', message: '证书真实，但已于 2030-12-03 过期。' });
    expect(payload).toMatch(/^QKL2:[A-Z2-7]+$/);
    // 3,584 days more: the expiry date's high byte changed, the signature left as it was
    const bytes = fromBase32(payload.slice(5))!;
    bytes[1 + 16 + 2] = bytes[1 + 16 + 2]! + 14;
    expect(await centre.ok('training.verifyCertificate', { payload: `QKL2:${toBase32(bytes)}` })).toMatchObject({ status: 'forged', validUntil: '2040-09-25' });
    // a QKL1 code printed before the compact format, signed by the same key, still verifies
    const signer = loadSigner(centre.core.ctx);
    const legacy = makePayloadV1(
      { certificateNo: cert!.certificateNo, holderName: '王小明', idNumberMasked: cert!.idNumberMasked, unitName: cert!.unitName, issueDate: '2026-12-04', validUntil: '2030-12-03', issuingNode: centre.id, keyId: signer.keyId },
      (domain, message) => signer.sign(Buffer.concat([Buffer.from(domain, 'utf8'), message])),
    );
    expect(await centre.ok('training.verifyCertificate', { payload: legacy, asOf: '2027-01-01' })).toMatchObject({ status: 'genuine', certificateNo: '张特监〔2026〕第0001号', issuingNode: centre.id });
    const [p, body, sig] = legacy.split('.');
    const longer = Buffer.from(Buffer.from(body!, 'base64url').toString('utf8').replace('2030-12-03', '2040-12-03')).toString('base64url');
    expect((await centre.ok('training.verifyCertificate', { payload: `${p}.${longer}.${sig}` })).status).toBe('forged');
    expect((await centre.ok('training.verifyCertificate', { payload: 'https://example.com/cert/1' })).status).toBe('malformed');

    const stranger = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    try {
      expect((await stranger.ok('training.verifyCertificate', { payload })).status).toBe('unknown-issuer');
    } finally {
      stranger.cleanup();
    }

    expect((await centre.refused('training.revokeCertificate', { id: cert!.id, reason: ' ' })).code).toBe('VALIDATION');
    await centre.ok('training.revokeCertificate', { id: cert!.id, reason: '转岗，不再从事安全管理' });
    expect(await centre.ok('training.verifyCertificate', { payload, asOf: '2027-01-01' })).toMatchObject({ status: 'revoked', revokedReason: '转岗，不再从事安全管理' });
    expect((await centre.refused('training.revokeCertificate', { id: cert!.id, reason: '再次' })).code).toBe('CONFLICT');
  });

  it('make the pool, with the certificates expiring within 90 days', async () => {
    const { exam } = await passedExam(centre);
    await centre.ok('training.publishResults', { examId: exam.id });
    await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' });
    const pool = await centre.ok('training.pool', { asOf: '2027-01-01' });
    expect(pool.map((e) => [e.holderName, e.status, e.source])).toEqual([['王小明', 'valid', 'certificate'], ['李芳', 'valid', 'certificate']]);
    expect(await centre.ok('training.pool', { asOf: '2027-01-01', expiringWithin: true })).toEqual([]);
    expect((await centre.ok('training.pool', { asOf: '2030-10-01', expiringWithin: true })).map((e) => e.holderName)).toEqual(['王小明', '李芳']);
    expect((await centre.ok('training.pool', { asOf: '2031-01-01' })).map((e) => e.status)).toEqual(['expired', 'expired']);
    expect((await centre.ok('training.pool', { search: '李' })).map((e) => e.holderName)).toEqual(['李芳']);
  });
});

describe('rosters from the registry', () => {
  it('picks safety managers by district, by block or from list 2, once each, with attendance and a sign-in sheet', async () => {
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    try {
      const sqlite = office.core.ctx.database.sqlite;
      const units = addUnits(sqlite, 6, { prefix: '塘桥' });
      units.forEach((u, i) => sqlite.prepare('UPDATE safety_managers SET id_number = ?, name = ? WHERE unit_id = ?').run(testIdNumber(100 + i), `管理员${i + 1}`, u));
      const block = await office.ok('blocks.save', { name: '塘桥第1组', memberUnitIds: units.slice(0, 5), leadUnitId: units[0] });
      const session = await office.ok('training.saveSession', { title: '塘桥分局监督员培训', startDate: '2026-11-20', endDate: '2026-11-21', place: '分局会议室' });
      expect(await office.ok('training.addAttendees', { sessionId: session.id, blockId: block.id })).toEqual({ added: 5, alreadyOnRoster: 0, errors: [] });
      expect(await office.ok('training.addAttendees', { sessionId: session.id, twoLists: true })).toEqual({ added: 1, alreadyOnRoster: 5, errors: [] });
      expect(await office.ok('training.addAttendees', { sessionId: session.id, districtId: 'seed-district-03' })).toEqual({ added: 0, alreadyOnRoster: 6, errors: [] });
      const detail = await office.ok('training.session', { id: session.id });
      expect(detail.roster).toHaveLength(6);
      // each addition is one audit entry naming every attendee it added, in the order added (an addition of none says so too)
      const additions = sqlite.prepare("SELECT row_ids AS ids, after FROM audit_log WHERE call = 'training.addAttendees' ORDER BY seq").all() as Array<{ ids: string; after: string }>;
      const added = sqlite.prepare('SELECT id FROM training_attendees WHERE session_id = ? ORDER BY rowid').pluck().all(session.id);
      expect(additions.map((a) => JSON.parse(a.ids))).toEqual([added.slice(0, 5), added.slice(5), []]);
      expect(JSON.parse(additions[1]!.after)).toEqual({ sessionId: session.id, source: 'registry', added: 1, alreadyOnRoster: 5 });
      expect(detail.roster[0]).toMatchObject({ source: 'registry', attendance: 'unknown', managerId: expect.any(String), idNumberMasked: expect.stringMatching(/^3205\*+/) });
      await office.ok('training.setAttendance', { attendeeIds: detail.roster.slice(0, 4).map((a) => a.id), attendance: 'present' });
      await office.ok('training.setAttendance', { attendeeIds: [detail.roster[5]!.id], attendance: 'absent' });
      expect(await office.ok('training.session', { id: session.id })).toMatchObject({ attendees: 6, present: 4 });
      const sheet = await office.ok('training.signInSheet', { sessionId: session.id });
      expect(sheet).toMatchObject({ title: '塘桥分局监督员培训签到表', dates: '2026-11-20 至 2026-11-21', place: '分局会议室' });
      expect(sheet.rows.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(JSON.stringify(sheet)).not.toContain(testIdNumber(100));
      expect((await office.refused('training.addAttendees', { sessionId: session.id })).code).toBe('VALIDATION');
    } finally {
      office.cleanup();
    }
  });
});
