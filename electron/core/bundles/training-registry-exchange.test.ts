import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, TRAINING_CENTRE, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { hostileBundle, syncColumns } from '../../../tests/support/hostile-bundle.ts';
import { insertManager } from '../registry/testing/fixtures.ts';
import { unitWithPieces } from '../steering/testing/city.ts';
import { examOnTrainingNode, people, sheetFile } from '../training/testing/exam-setup.ts';
import { testIdNumber } from '../training/testing/workbooks.ts';

// The bureau's bundles to the training centre carry the safety managers of the districts
// it trains (training_registry, addressed to that centre alone): the full ID number only
// for A-certificate holders, never a phone. The centre builds rosters from them as an
// office does from its ledger, and the certificate rule (a valid A certificate) reads them.

const TANGQIAO = 'seed-district-03';
const JINFENG = 'seed-district-04';
let net: ExchangeNetwork<'centre' | 'bureau' | 'tangqiao' | 'jinfeng'>;
let centre: ExchangeNode;
let bureau: ExchangeNode;
let tangqiao: ExchangeNode;
let jinfeng: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({
    centre: TRAINING_CENTRE,
    bureau: BUREAU,
    tangqiao: { role: 'district', name: '塘桥分局', districtId: TANGQIAO },
    jinfeng: { role: 'district', name: '锦丰分局', districtId: JINFENG },
  });
  ({ centre, bureau, tangqiao, jinfeng } = net);
});
afterEach(() => net.cleanup());

const manager = (office: ExchangeNode, unitId: string, f: Parameters<typeof insertManager>[2]) => {
  const sqlite = office.core.ctx.database.sqlite;
  const id = insertManager(sqlite, unitId, f);
  sqlite.prepare('UPDATE safety_managers SET origin_node = ? WHERE id = ?').run(office.id, id);
  return id;
};

/** 塘桥: 王小明 (A, list 2), 陈工 (作业项目 N1, no A) and 赵强 (A expired); 锦丰: 李芳 (A). Both offices report to the bureau. */
async function registries() {
  const big = unitWithPieces(tangqiao, TANGQIAO, '张家港市塘桥机械有限公司', [{ n: 22, next: '2027-06-01' }]);
  const small = unitWithPieces(tangqiao, TANGQIAO, '张家港市塘桥小型加工厂', [{ n: 3, next: '2027-06-01' }]);
  const wang = manager(tangqiao, big, { name: people[0]!.name, idNumber: people[0]!.idNumber, itemCode: 'A', expiry: '2028-12-31', certificateNo: 'TSA00001', phone: '13812345678' });
  const chen = manager(tangqiao, big, { name: '陈工', idNumber: testIdNumber(9), itemCode: 'N1', expiry: '2028-12-31', certificateNo: 'TSN00009', phone: '13912345679' });
  manager(tangqiao, small, { name: people[2]!.name, idNumber: people[2]!.idNumber, itemCode: 'A', expiry: '2026-01-01', certificateNo: 'TSA00003', phone: '13712345673' });
  const steel = unitWithPieces(jinfeng, JINFENG, '张家港市锦丰钢铁有限公司', [{ n: 22, next: '2027-06-01' }]);
  manager(jinfeng, steel, { name: people[1]!.name, idNumber: people[1]!.idNumber, itemCode: 'A', expiry: '2028-12-31', certificateNo: 'TSA00002', phone: '13612345672' });
  await net.send(tangqiao, bureau);
  await net.send(jinfeng, bureau);
  return { wang, chen };
}

const registryRows = (node: ExchangeNode) =>
  node.core.ctx.database.sqlite.prepare('SELECT * FROM training_registry WHERE deleted_at IS NULL ORDER BY name').all() as Array<Record<string, unknown>>;

describe('managers sent to the training centre', () => {
  it('go to the centre only, for the districts it trains, with the ID number only where it is needed', async () => {
    const { wang, chen } = await registries();
    // nothing until the bureau says which districts the centre trains
    expect((await net.send(bureau, centre)).rowCounts['training_registry']).toBe(0);
    expect((await bureau.refused('steering.updateSettings', { trainingCoverage: [{ trainingNode: tangqiao.id, districtIds: [TANGQIAO] }] })).message).toContain('培训中心的公钥尚未登记');
    await bureau.ok('steering.updateSettings', { trainingCoverage: [{ trainingNode: centre.id, districtIds: [TANGQIAO] }] });
    expect(await bureau.ok('steering.trainingRegistry', { trainingNode: centre.id })).toMatchObject({
      nodeName: '张家港市特种设备技术服务中心',
      districts: [{ districtId: TANGQIAO, districtName: '塘桥', managers: 3, withIdNumber: 2, list2: 1 }],
      sent: 0,
    });

    const down = await net.send(bureau, centre);
    expect(down.rowCounts['training_registry']).toBe(3);
    const rows = registryRows(centre);
    expect(rows.map((r) => [r['name'], r['manager_id'], r['id_number'], r['id_number_masked'], r['in_list2'], r['district_id']])).toEqual([
      [people[0]!.name, wang, people[0]!.idNumber, `${people[0]!.idNumber.slice(0, 4)}**********${people[0]!.idNumber.slice(-4)}`, 1, TANGQIAO],
      [people[2]!.name, expect.any(String), people[2]!.idNumber, expect.any(String), 0, TANGQIAO],
      ['陈工', chen, null, `${testIdNumber(9).slice(0, 4)}**********${testIdNumber(9).slice(-4)}`, 0, TANGQIAO],
    ]);
    // no phone travels, and nothing of 锦丰
    expect(JSON.stringify(rows)).not.toMatch(/138123|139123|137123/);
    expect(JSON.stringify(rows)).not.toContain(people[1]!.idNumber);
    // an office never receives the rows
    const toOffice = await net.send(bureau, tangqiao);
    expect(toOffice.rowCounts['training_registry']).toBe(0);
    expect(registryRows(tangqiao)).toEqual([]);
    // an unchanged registry sends nothing again
    expect((await net.send(bureau, centre)).rowCounts['training_registry']).toBe(0);
    expect(await centre.ok('training.registrySummary', {})).toMatchObject({ districts: [{ districtId: TANGQIAO, districtName: '塘桥', managers: 3, list2: 1 }] });

    // the office's change reaches the centre; a district no longer trained leaves as tombstones
    tangqiao.core.ctx.database.sqlite.prepare("UPDATE safety_managers SET item_code = 'A', version = version + 1, updated_at = ? WHERE id = ?").run(new Date().toISOString(), chen);
    await net.send(tangqiao, bureau);
    expect((await net.send(bureau, centre)).rowCounts['training_registry']).toBe(1);
    expect(registryRows(centre).find((r) => r['name'] === '陈工')!['id_number']).toBe(testIdNumber(9));
    await bureau.ok('steering.updateSettings', { trainingCoverage: [{ trainingNode: centre.id, districtIds: [JINFENG] }] });
    expect((await net.send(bureau, centre)).rowCounts['training_registry']).toBe(4);
    expect(registryRows(centre).map((r) => r['name'])).toEqual([people[1]!.name]);
  });

  it('let the centre build rosters from them and certify only holders of a valid A certificate', async () => {
    const { wang } = await registries();
    await bureau.ok('steering.updateSettings', { trainingCoverage: [{ trainingNode: centre.id, districtIds: [TANGQIAO] }] });
    await net.send(bureau, centre);

    const session = await centre.ok('training.saveSession', { title: '塘桥专场', startDate: '2026-11-20', endDate: '2026-11-20', place: '塘桥', trainers: '张老师', hours: 8 });
    expect(await centre.ok('training.addAttendees', { sessionId: session.id, twoLists: true })).toMatchObject({ added: 1, alreadyOnRoster: 0 });
    expect(await centre.ok('training.addAttendees', { sessionId: session.id, districtId: TANGQIAO })).toMatchObject({ added: 2, alreadyOnRoster: 1 });
    const attendees = centre.core.ctx.database.sqlite.prepare('SELECT name, manager_id AS managerId, district_id AS districtId, phone FROM training_attendees WHERE session_id = ? ORDER BY name').all(session.id);
    expect(attendees).toContainEqual({ name: people[0]!.name, managerId: wang, districtId: TANGQIAO, phone: null });
    expect((await centre.refused('training.addAttendees', { sessionId: session.id, districtId: JINFENG })).code).toBe('NOT_FOUND');

    // the shared exam: its roster file names 王小明, 李芳 (锦丰: not sent) and 赵强 (A expired)
    const { exam } = await examOnTrainingNode(centre);
    const onRoster = centre.core.ctx.database.sqlite.prepare('SELECT name, manager_id AS managerId FROM training_attendees WHERE session_id = ? ORDER BY name').all(exam.sessionId);
    expect(onRoster).toContainEqual({ name: people[0]!.name, managerId: wang });
    const marks = ['对', '错', 'B', 'ABC', 'A'];
    await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: await sheetFile(centre, people.map((p, i) => ({ candidateNo: `C${i + 1}`, name: p.name, idNumber: p.idNumber, marks }))) } });
    await centre.ok('training.publishResults', { examId: exam.id });
    const preview = await centre.ok('training.certificatePreview', { examId: exam.id, issueDate: '2026-12-04' });
    expect(preview.eligible.map((c) => [c.name, c.message])).toEqual([[people[0]!.name, 'A 证 TSA00001有效期至 2028-12-31']]);
    expect(preview.blocked.map((c) => [c.name, c.problem])).toEqual([
      [people[1]!.name, 'not-verifiable'],
      [people[2]!.name, 'a-expired'],
    ]);
    const { issued } = await centre.ok('training.issueCertificates', { examId: exam.id, issueDate: '2026-12-04' });
    // the certificate names the office's manager and district: the bureau counts it for 塘桥
    const certificate = centre.core.ctx.database.sqlite.prepare('SELECT holder_name AS holder, manager_id AS managerId, district_id AS districtId FROM supervisor_certificates WHERE id = ?').get(issued[0]!.id);
    expect(issued).toHaveLength(1);
    expect(certificate).toEqual({ holder: people[0]!.name, managerId: wang, districtId: TANGQIAO });
  });

  it('refuses rows addressed to another centre', async () => {
    const other = await exchangeNode('training', '另一培训中心');
    try {
      await trustEachOther(other, bureau);
      const before = dataDigest(centre);
      const row = { ...syncColumns(bureau.id), training_node: other.id, manager_id: 'm1', district_id: TANGQIAO, unit_name: '某公司', name: '王五', in_list2: 0 };
      const [result] = await centre.ok('bundles.import', { paths: [await hostileBundle(bureau, centre, { training_registry: [row] })] });
      expect(result).toMatchObject({ status: 'refused', reason: 'foreign-rows' });
      expect(result!.message).toContain('是发给其他单位的');
      expect(dataDigest(centre)).toBe(before);
    } finally {
      other.cleanup();
    }
  });
});
