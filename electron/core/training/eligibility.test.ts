import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { examOnTrainingNode, people, registerManagers, sheetFile } from './testing/exam-setup.ts';
import { testIdNumber } from './testing/workbooks.ts';

// Who gets a 特种设备安全监督员证: candidates who passed, are on the exam's roster and hold
// a valid A certificate by this node's registry; the others are listed before signing
// and certified only by 特批 with a written reason. Real training node, real keys.

let centre: ExchangeNode;
beforeEach(async () => {
  centre = await exchangeNode('training', '张家港市特种设备技术服务中心');
});
afterEach(() => centre.cleanup());

const right = ['对', '错', 'B', 'ABC', 'A'];
const extra = [
  { name: '孙丽', idNumber: testIdNumber(4), unit: '张家港市乐余纺织有限公司' },
  { name: '吴敏', idNumber: testIdNumber(6), unit: '张家港市凤凰物流有限公司' },
];

/** Six candidates who all pass: two fit, four each fail the check a different way. */
async function sixPassed() {
  const { session, exam } = await examOnTrainingNode(centre);
  // 孙丽 and 吴敏 join the roster of three; 周杰 sits the exam without being on it
  const file = path.join(centre.dir, 'more.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号', '单位名称']);
  extra.forEach((p) => sheet.addRow([p.name, p.idNumber, p.unit]));
  await book.xlsx.writeFile(file);
  await centre.ok('training.importRoster', { sessionId: session.id, source: { kind: 'path', path: file } });
  registerManagers(centre, [
    { ...people[0]!, expiry: '2027-03-31' },
    // a legacy item code counts as A
    { ...people[1]!, item: 'A3', expiry: '2029-05-01' },
    { ...people[2]!, expiry: '2026-06-30' },
    { ...extra[0]!, item: 'N1' },
  ]);
  const line = (no: string, p: { name: string; idNumber: string }) => ({ candidateNo: no, name: p.name, idNumber: p.idNumber, marks: right });
  await centre.ok('training.grade', {
    examId: exam.id,
    source: { kind: 'path', path: await sheetFile(centre, [line('C1', people[0]!), line('C2', people[1]!), line('C3', people[2]!), line('C4', extra[0]!), line('C5', { name: '周杰', idNumber: testIdNumber(5) }), line('C6', extra[1]!)]) },
  });
  return exam;
}

const audit = (node: ExchangeNode) =>
  node.core.ctx.database.sqlite.prepare("SELECT row_ids AS rowIds, after FROM audit_log WHERE call = 'training.issueCertificates' ORDER BY seq").all() as Array<{ rowIds: string; after: string }>;

describe('certificates go to rostered candidates with a valid A certificate', () => {
  it('lists who fits and who does not before signing, roster problems first, with the numbers, validity and issuer', async () => {
    const exam = await sixPassed();
    expect((await centre.ok('training.certificatePreview', { examId: exam.id, issueDate: '2026-12-04' })).resultsPublished).toBe(false);
    await centre.ok('training.publishResults', { examId: exam.id });
    const preview = await centre.ok('training.certificatePreview', { examId: exam.id, issueDate: '2026-12-04' });
    expect(preview).toMatchObject({ issueDate: '2026-12-04', validUntil: '2030-12-03', issuerName: '张家港市特种设备技术服务中心', alreadyCertified: 0, resultsPublished: true });
    expect(preview.eligible.map((c) => [c.candidateNo, c.name, c.problem, c.message])).toEqual([
      ['C1', '王小明', null, 'A 证 TSA00001有效期至 2027-03-31'],
      ['C2', '李芳', null, 'A 证 TSA00002有效期至 2029-05-01'],
    ]);
    expect(preview.blocked.map((c) => [c.candidateNo, c.problem, c.message])).toEqual([
      ['C5', 'not-on-roster', '不在培训班“2026年第一期安全监督员培训”的名单中'],
      ['C6', 'not-verifiable', '本机台账中没有此人的安全管理员记录，无法核实 A 证'],
      ['C4', 'no-a-certificate', '台账中此人没有特种设备安全管理（A）证书'],
      ['C3', 'a-expired', 'A 证 TSA00003已于 2026-06-30 过期'],
    ]);
    expect(preview.blocked[0]!.idNumberMasked).toMatch(/^3205\*+\d{3}[\dX]$/);
    expect(preview.nextNumbers).toEqual(Array.from({ length: 6 }, (_, i) => `张特监〔2026〕第000${i + 1}号`));
    // an A certificate that expires before the issue date does not count
    expect((await centre.ok('training.certificatePreview', { examId: exam.id, issueDate: '2027-04-01' })).blocked.find((c) => c.candidateNo === 'C1')).toMatchObject({ problem: 'a-expired' });
  });

  it('issues only to those who fit; the others only by 特批 with a reason, audited and on the record', async () => {
    const exam = await sixPassed();
    await centre.ok('training.publishResults', { examId: exam.id });
    const first = await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' });
    expect(first.issued.map((c) => [c.certificateNo, c.holderName, c.unitName, c.issuerName, c.overrideProblem])).toEqual([
      ['张特监〔2026〕第0001号', '王小明', people[0]!.unit, '张家港市特种设备技术服务中心', null],
      ['张特监〔2026〕第0002号', '李芳', people[1]!.unit, '张家港市特种设备技术服务中心', null],
    ]);
    expect(first.withheld.map((c) => c.candidateNo)).toEqual(['C5', 'C6', 'C4', 'C3']);
    expect(first.issued[0]!.payload).toMatch(/^QKL2:/);

    const preview = await centre.ok('training.certificatePreview', { examId: exam.id, issueDate: '2026-12-04' });
    const id = (no: string) => preview.blocked.find((c) => c.candidateNo === no)!.candidateId;
    expect((await centre.refused('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04', override: { candidateIds: [id('C5')], reason: '补' } })).code).toBe('VALIDATION');
    expect((await centre.refused('training.issueCertificates', { examId: exam.id, override: { candidateIds: [first.issued[0]!.id], reason: '经市局同意特批发证' } })).message).toContain('不是本场考试待发证的合格考生');
    const reason = '经市局特设科 2026-12-01 会议同意，其单位台账尚未报送';
    const second = await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04', override: { candidateIds: [id('C5'), id('C6')], reason } });
    expect(second.issued.map((c) => [c.certificateNo, c.holderName, c.unitName, c.overrideProblem, c.overrideReason])).toEqual([
      ['张特监〔2026〕第0003号', '周杰', null, 'not-on-roster', reason],
      ['张特监〔2026〕第0004号', '吴敏', extra[1]!.unit, 'not-verifiable', reason],
    ]);
    expect(second).toMatchObject({ alreadyCertified: 2, withheld: [expect.objectContaining({ candidateNo: 'C4' }), expect.objectContaining({ candidateNo: 'C3' })] });
    expect((await centre.ok('training.certificates', { examId: exam.id })).map((c) => c.overrideReason)).toEqual([null, null, reason, reason]);

    const [plain, override] = audit(centre);
    expect(JSON.parse(plain!.after)).not.toHaveProperty('override');
    expect(JSON.parse(override!.rowIds)).toEqual(second.issued.map((c) => c.id));
    expect(JSON.parse(override!.after).override).toEqual({
      reason,
      candidates: [
        { candidateNo: 'C5', name: '周杰', problem: 'not-on-roster', found: '不在培训班“2026年第一期安全监督员培训”的名单中' },
        { candidateNo: 'C6', name: '吴敏', problem: 'not-verifiable', found: '本机台账中没有此人的安全管理员记录，无法核实 A 证' },
      ],
    });
    // one who fits needs no 特批
    const third = await examOnTrainingNode(centre, { title: '第二期' });
    await centre.ok('training.grade', { examId: third.exam.id, source: { kind: 'path', path: await sheetFile(centre, [{ candidateNo: 'D1', name: people[1]!.name, idNumber: people[1]!.idNumber, marks: right }]) } });
    await centre.ok('training.publishResults', { examId: third.exam.id });
    const fits = (await centre.ok('training.certificatePreview', { examId: third.exam.id })).eligible[0]!;
    expect((await centre.refused('training.issueCertificates', { examId: third.exam.id, override: { candidateIds: [fits.candidateId], reason: '无需特批的测试' } })).message).toBe('李芳（准考证号 D1）符合发证条件，无需特批');
  });

  it('sends everyone to 特批 on an exam without a roster', async () => {
    const { bank } = await examOnTrainingNode(centre);
    registerManagers(centre);
    const exam = await centre.ok('training.createExam', { title: '无培训班的考试', bankId: bank.id, subjectiveMax: 0 });
    await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: await sheetFile(centre, [{ candidateNo: 'E1', name: people[0]!.name, idNumber: people[0]!.idNumber, marks: right }]) } });
    await centre.ok('training.publishResults', { examId: exam.id });
    const result = await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' });
    expect(result).toMatchObject({ issued: [], alreadyCertified: 0, withheld: [{ candidateNo: 'E1', problem: 'not-on-roster', message: '本场考试未关联培训班，无法核对培训名单' }] });
  });
});
