import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, JINFENG, TANGQIAO, TRAINING_CENTRE, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { addUnit } from '../blocks/testing/fixtures.ts';
import { generateSigningKeyPair, keyIdOf } from '../crypto/signing.ts';
import { makePayload, signWithKey } from '../training/certificate-payload.ts';
import { examOnTrainingNode, people, registerManagers, sheetFile } from '../training/testing/exam-setup.ts';

// 培训考核 in bundles: the training centre's sessions, exams, results and certificates
// go up to the bureau; the bureau publishes the supervisor pool as its own rows, which
// go down to every office (no ID numbers, no exam rows), so that an office verifies
// certificates offline and assigns supervisors to its blocks.

let net: ExchangeNetwork<'centre' | 'bureau' | 'office' | 'other'>;
let centre: ExchangeNode;
let bureau: ExchangeNode;
let office: ExchangeNode;
let other: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ centre: TRAINING_CENTRE, bureau: BUREAU, office: TANGQIAO, other: JINFENG });
  ({ centre, bureau, office, other } = net);
});
afterEach(() => net.cleanup());

const trainingTables = ['training_sessions', 'training_attendees', 'question_banks', 'questions', 'exams', 'exam_candidates', 'exam_results', 'supervisor_certificates'] as const;
const count = (node: ExchangeNode, table: string) => (node.core.ctx.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** 王小明 is the safety manager of a 塘桥 unit in the office's registry, which the office reported to the bureau. */
async function registryAtBureau() {
  const sqlite = office.core.ctx.database.sqlite;
  const units = [0, 1, 2, 3, 4].map((i) => addUnit(sqlite, { name: `张家港市塘桥${i + 1}号机械有限公司`, pieces: 20 + i, managerName: i === 0 ? people[0]!.name : `管理员${i}`, managerIdNumber: i === 0 ? people[0]!.idNumber : undefined }));
  for (const table of ['units', 'equipment', 'safety_managers']) sqlite.prepare(`UPDATE ${table} SET origin_node = ?`).run(office.id);
  const managerId = (sqlite.prepare('SELECT id FROM safety_managers WHERE id_number = ?').get(people[0]!.idNumber) as { id: string }).id;
  await net.send(office, bureau);
  return { units, managerId };
}

async function certified() {
  const { exam } = await examOnTrainingNode(centre);
  // the centre knows the candidates as safety managers with a valid A certificate
  registerManagers(centre);
  await centre.ok('training.grade', {
    examId: exam.id,
    source: { kind: 'path', path: await sheetFile(centre, [
      { candidateNo: 'C1', name: people[0]!.name, idNumber: people[0]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'A'] },
      { candidateNo: 'C2', name: people[1]!.name, idNumber: people[1]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'B'] },
      { candidateNo: 'C3', name: people[2]!.name, idNumber: people[2]!.idNumber, marks: ['错', '对', 'A', 'A', 'B'] },
    ]) },
  });
  await centre.ok('training.publishResults', { examId: exam.id });
  const { issued } = await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' });
  return { exam, issued };
}

describe('training rows in bundles', () => {
  it('carries results and certificates up to the bureau and the pool down to every office', async () => {
    const { units, managerId } = await registryAtBureau();
    const { exam, issued } = await certified();

    const up = await net.send(centre, bureau);
    expect(up.rowCounts).toMatchObject({ training_sessions: 1, training_attendees: 3, question_banks: 1, questions: 5, exams: 1, exam_candidates: 3, exam_results: 3, supervisor_certificates: 2 });
    for (const table of trainingTables) expect(rowsFrom(bureau, table, centre.id), table).toBe(rowsFrom(centre, table, centre.id));
    // the bureau reads them, verifies the certificate with the key it enrolled, and may not change them
    expect((await bureau.ok('training.results', { examId: exam.id })).map((r) => [r.candidateNo, r.total, r.state])).toEqual([['C1', 100, 'published'], ['C2', 80, 'published'], ['C3', 0, 'published']]);
    expect(await bureau.ok('training.verifyCertificate', { payload: issued[0]!.payload, asOf: '2027-01-01' })).toMatchObject({ status: 'genuine', issuerName: '张家港市特种设备技术服务中心' });
    expect((await bureau.refused('training.revokeCertificate', { id: issued[0]!.id, reason: '试图' })).code).toBe('FORBIDDEN');
    expect((await centre.refused('training.publishPool', {})).code).toBe('FORBIDDEN');

    expect(await bureau.ok('training.publishPool', {})).toEqual({ inserted: 2, updated: 0, unchanged: 0, unverified: 0 });
    expect(await bureau.ok('training.publishPool', {})).toEqual({ inserted: 0, updated: 0, unchanged: 2, unverified: 0 });
    const down = await net.send(bureau, office);
    expect(down.rowCounts).toMatchObject({ supervisor_pool: 2 });
    for (const table of trainingTables) expect(count(office, table), table).toBe(0);
    expect(JSON.stringify(office.core.ctx.database.sqlite.prepare('SELECT * FROM supervisor_pool').all())).not.toContain(people[0]!.idNumber);
    await net.send(bureau, other);
    expect(count(other, 'supervisor_pool')).toBe(2);

    // the office finds its own safety manager in the pool and makes them a block's supervisor
    let pool = await office.ok('training.pool', { asOf: '2027-01-01' });
    expect(pool.map((e) => [e.holderName, e.source, e.status, e.managerId])).toEqual([
      ['王小明', 'pool', 'valid', managerId],
      ['李芳', 'pool', 'valid', null],
    ]);
    expect(pool[0]).toMatchObject({ districtId: 'seed-district-03', districtName: '塘桥', unitName: people[0]!.unit });
    await office.ok('blocks.save', { name: '塘桥第1组', memberUnitIds: units, leadUnitId: units[0], supervisorManagerIds: [managerId] });
    pool = await office.ok('training.pool', { districtId: 'seed-district-03', asOf: '2027-01-01' });
    expect(pool.map((e) => [e.holderName, e.blocks.map((b) => b.name)])).toEqual([['王小明', ['塘桥第1组']]]);
    expect(await office.ok('training.verifyCertificate', { payload: issued[0]!.payload, asOf: '2027-01-01' })).toMatchObject({ status: 'genuine', recordFound: true });
    expect((await office.ok('training.pool', { asOf: '2030-10-01', expiringWithin: true })).length).toBe(2);

    // a revocation travels the same way and the office sees it
    await centre.ok('training.revokeCertificate', { id: issued[0]!.id, reason: '离职' });
    await net.send(centre, bureau);
    expect(await bureau.ok('training.publishPool', {})).toEqual({ inserted: 0, updated: 1, unchanged: 1, unverified: 0 });
    await net.send(bureau, office);
    expect(await office.ok('training.verifyCertificate', { payload: issued[0]!.payload, asOf: '2027-01-01' })).toMatchObject({ status: 'revoked', revokedReason: '离职' });
    expect((await office.ok('training.pool', { status: 'revoked' })).map((e) => e.holderName)).toEqual(['王小明']);
  });

  it('refuses certificates an office signs in the centre’s name, and lends no trust to pool rows the bureau did not make', async () => {
    await certified();
    await net.send(centre, bureau);
    await bureau.ok('training.publishPool', {});
    // an office forges a certificate signed by a key of its own and a pool row naming that key as the issuer's
    const rogue = generateSigningKeyPair();
    const facts = { certificateNo: '张特监〔2026〕第9999号', holderName: '冒名', idNumberMasked: null, unitName: null, issueDate: '2026-12-04', validUntil: '2030-12-03', issuingNode: centre.id, keyId: keyIdOf(rogue.publicKey) };
    const forged = makePayload(facts, signWithKey(rogue.privateKey));
    const now = new Date().toISOString();
    const plantPool = (node: ExchangeNode) =>
      node.core.ctx.database.sqlite
        .prepare(
          `INSERT INTO supervisor_pool (id, origin_node, created_at, updated_at, certificate_id, certificate_no, holder_name, issue_date, valid_until, issuing_node, issuer_key, payload)
           VALUES ('rogue', ?, ?, ?, 'rogue-cert', ?, '冒名', '2026-12-04', '2030-12-03', ?, ?, ?)`,
        )
        .run(office.id, now, now, facts.certificateNo, centre.id, rogue.publicKey, forged);
    plantPool(office);
    // and a certificate row of its own that names the training centre as its issuer
    office.core.ctx.database.sqlite
      .prepare(
        `INSERT INTO supervisor_certificates (id, origin_node, created_at, updated_at, certificate_no, year, seq, holder_name, issue_date, valid_until, issuing_node, payload)
         VALUES ('rogue-cert', ?, ?, ?, ?, 2026, 9999, '冒名', '2026-12-04', '2030-12-03', ?, ?)`,
      )
      .run(office.id, now, now, facts.certificateNo, centre.id, forged);
    // the office's bundle leaves the pool out (an office never originates it) and is refused for the certificate
    const up = await office.ok('bundles.export', { outFile: path.join(office.dir, 'rogue.qklb') });
    expect(up.rowCounts).not.toHaveProperty('supervisor_pool');
    expect(up.rowCounts).toMatchObject({ supervisor_certificates: 1 });
    const [refused] = await bureau.ok('bundles.import', { paths: [up.file] });
    expect(refused).toMatchObject({ status: 'refused', reason: 'foreign-rows' });
    expect(count(bureau, 'supervisor_certificates')).toBe(2);
    // a pool row that reached the bureau's database some other way is not the bureau's word
    plantPool(bureau);
    expect(await bureau.ok('training.publishPool', {})).toEqual({ inserted: 0, updated: 0, unchanged: 2, unverified: 0 });
    expect((await bureau.ok('training.verifyCertificate', { payload: forged })).status).toBe('unknown-issuer');
    expect((await bureau.ok('training.pool', {})).map((e) => e.holderName)).toEqual(['王小明', '李芳']);
    expect((await office.ok('training.verifyCertificate', { payload: forged })).status).toBe('unknown-issuer');
    expect((await office.ok('training.pool', {})).map((e) => e.holderName)).toEqual([]);

    const down = await net.send(bureau, office);
    expect(Object.keys(down.rowCounts).filter((t) => (trainingTables as readonly string[]).includes(t))).toEqual([]);
    expect((await office.ok('training.pool', {})).map((e) => e.holderName)).toEqual(['王小明', '李芳']);
    expect((await office.ok('training.verifyCertificate', { payload: forged })).status).toBe('unknown-issuer');
  });
});
