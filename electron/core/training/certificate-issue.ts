import type { z } from 'zod';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { CertificatePreview, CertificatesIssued } from '../../api/schemas/certificates.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { formatPlaqueNo } from '../acceptance/plaque.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import type { CoreContext } from '../context.ts';
import { loadSigner } from '../keys/keys.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { localDate } from '../registry/as-of.ts';
import { requireOwn } from './access.ts';
import { makePayload } from './certificate-payload.ts';
import { getCertificate, validUntil } from './certificates.ts';
import { blockedFirst, checkCandidates, pendingCandidates, toCandidateCheck, type CheckedCandidate } from './eligibility.ts';
import { loadExamRow, type ExamRow } from './exams.ts';
import { getTrainingSettings } from './training-settings.ts';
import { certificateRows } from './training-rows.ts';
import { requireIdentity } from '../node/node-service.ts';
import { all, get, sql } from '../data/query.ts';

// 颁发特种设备安全监督员证 from published results: to the candidates who passed, are on
// the exam's roster and hold a valid A certificate (eligibility.ts); the others only
// by 特批 with a written reason. Numbered from the pattern (the plaque numbering of
// acceptance, reused), sequential per year of issue and unique on this node; each
// carries its signed QR payload.

interface Plan {
  identity: NodeIdentity;
  exam: ExamRow;
  issueDate: string;
  validUntil: string;
  checked: CheckedCandidate[];
  certified: number;
  published: boolean;
}

function plan(ctx: CoreContext, examId: string, issueDate: string | undefined): Plan {
  const identity = requireIdentity(ctx);
  const exam = loadExamRow(ctx, examId);
  requireOwn(identity, exam, '考试');
  const date = issueDate ?? localDate(ctx.now());
  const { pending, certified, published } = pendingCandidates(ctx, exam.id);
  return { identity, exam, issueDate: date, validUntil: validUntil(date, getTrainingSettings(ctx).validityYears), checked: checkCandidates(ctx, exam, pending, date), certified, published };
}

/** The next `count` certificate numbers of this node for the year of issue, skipping any already used. */
function nextNumbers(ctx: CoreContext, nodeId: string, issueDate: string, count: number): Array<{ no: string; seq: number }> {
  const { sqlite } = ctx.database;
  const year = Number(issueDate.slice(0, 4));
  const pattern = getTrainingSettings(ctx).certificatePattern;
  const used = new Set(all(sqlite, sql<{ n: string }>`SELECT certificate_no AS n FROM supervisor_certificates WHERE origin_node = ${nodeId} AND deleted_at IS NULL`).map((r) => r.n));
  let seq = get(sqlite, sql<{ n: number }>`SELECT coalesce(max(seq), 0) AS n FROM supervisor_certificates WHERE origin_node = ${nodeId} AND year = ${year}`)!.n;
  const out: Array<{ no: string; seq: number }> = [];
  while (out.length < count) {
    const no = formatPlaqueNo(pattern, year, ++seq);
    if (!used.has(no)) out.push({ no, seq });
  }
  return out;
}

export function certificatePreview(ctx: CoreContext, input: ParsedInput<'training.certificatePreview'>): z.infer<typeof CertificatePreview> {
  const p = plan(ctx, input.examId, input.issueDate);
  return {
    examId: p.exam.id,
    issueDate: p.issueDate,
    validUntil: p.validUntil,
    issuerName: p.identity.name,
    eligible: p.checked.filter((c) => c.problem === null).map(toCandidateCheck),
    blocked: blockedFirst(p.checked).map(toCandidateCheck),
    alreadyCertified: p.certified,
    nextNumbers: nextNumbers(ctx, p.identity.id, p.issueDate, p.checked.length).map((n) => n.no),
    resultsPublished: p.published,
  };
}

export function issueCertificates(ctx: CoreContext, input: ParsedInput<'training.issueCertificates'>): z.infer<typeof CertificatesIssued> {
  const p = plan(ctx, input.examId, input.issueDate);
  if (!p.published) throw new AppError('CONFLICT', '成绩尚未发布（或已解锁修改中），请先“发布成绩”再发证。');
  const override = new Set(input.override?.candidateIds ?? []);
  for (const id of override) {
    const c = p.checked.find((x) => x.candidateId === id);
    if (!c) throw new AppError('VALIDATION', '特批名单中有考生不是本场考试待发证的合格考生（未合格、已有证书或已删除），请刷新后重新选择', { field: 'override' });
    if (c.problem === null) throw new AppError('VALIDATION', `${c.name}（准考证号 ${c.candidateNo}）符合发证条件，无需特批`, { field: 'override' });
  }
  const todo = p.checked.filter((c) => c.problem === null || override.has(c.candidateId));
  const withheld = blockedFirst(p.checked.filter((c) => !todo.includes(c))).map(toCandidateCheck);
  if (todo.length === 0) return { issued: [], alreadyCertified: p.certified, withheld };
  // the key is opened before the transaction: a wrong passphrase changes nothing
  const signer = loadSigner(ctx, input.passphrase);
  const sign = (domain: string, message: Buffer) => signer.sign(Buffer.concat([Buffer.from(domain, 'utf8'), message]));
  const year = Number(p.issueDate.slice(0, 4));
  const w = beginWrite(ctx, p.identity, 'training.issueCertificates');
  const ids = inTransaction(w, () => {
    const numbers = nextNumbers(ctx, p.identity.id, p.issueDate, todo.length);
    const rows = todo.map((c, i) => {
      const { no, seq } = numbers[i]!;
      const unitName = c.unitName ?? c.held?.unitName ?? null;
      const facts = { certificateNo: no, holderName: c.name, idNumberMasked: maskIdNumber(c.idNumber), unitName, issueDate: p.issueDate, validUntil: p.validUntil, issuingNode: null, keyId: signer.keyId };
      return {
        certificateNo: no,
        year,
        seq,
        holderName: c.name,
        idNumber: c.idNumber,
        managerId: c.managerId ?? c.held?.managerId ?? null,
        unitName,
        unitUscc: c.unitUscc ?? c.held?.unitUscc ?? null,
        districtId: c.districtId ?? c.held?.districtId ?? null,
        examId: p.exam.id,
        resultId: c.resultId,
        issueDate: p.issueDate,
        validUntil: p.validUntil,
        issuingNode: p.identity.id,
        payload: makePayload(facts, sign),
        overrideProblem: c.problem,
        overrideReason: c.problem ? input.override!.reason : null,
      };
    });
    const overridden = todo.filter((c) => c.problem !== null);
    // one issue is one audit entry naming every certificate (the withheld and the overridden with it)
    const after = {
      examId: p.exam.id,
      issueDate: p.issueDate,
      validUntil: p.validUntil,
      count: rows.length,
      withheld: withheld.map((x) => ({ candidateNo: x.candidateNo, name: x.name, problem: x.problem })),
      ...(overridden.length ? { override: { reason: input.override!.reason, candidates: overridden.map((c) => ({ candidateNo: c.candidateNo, name: c.name, problem: c.problem, found: c.message })) } } : {}),
    };
    return certificateRows.insertMany(w, rows, { audit: { after } }).map((r) => r.id);
  });
  return { issued: ids.map((id) => getCertificate(ctx, id)), alreadyCertified: p.certified, withheld };
}
