import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, JINFENG, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import type { AcceptanceDetail } from '../../api/schemas/acceptance.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import { fillFile, samplePdf } from '../acceptance/testing/fill.ts';
import { attachmentPath } from '../attachments/store.ts';

// 示范单位验收 travels both ways: the office's file, items and evidence (with the
// files themselves) go up to the bureau; the bureau's decision is a row the bureau
// owns and comes back down, to that office only, in a bureau-to-office bundle.

let net: ExchangeNetwork<'office' | 'other' | 'bureau'>;
let office: ExchangeNode;
let other: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, other: JINFENG, bureau: BUREAU });
  ({ office, other, bureau } = net);
});
afterEach(() => net.cleanup());

const tables = ['acceptance_files', 'acceptance_items', 'acceptance_evidence', 'attachments'] as const;
const item = (d: AcceptanceDetail, code: string) => d.areas.flatMap((a) => a.items).find((i) => i.code === code)!;

function unitWithEquipment(node: ExchangeNode, name: string, districtId = 'seed-district-03'): string {
  // the registry's rows as a ledger import writes them, owned by the office
  const sqlite = node.core.ctx.database.sqlite;
  const unitId = insertUnit(sqlite, { name, districtId });
  sqlite.prepare('UPDATE units SET origin_node = ? WHERE id = ?').run(node.id, unitId);
  insertPieces(sqlite, unitId, 2, { registrationNo: '梯11苏E00001(17)', next: '2099-01-01' });
  insertManager(sqlite, unitId, { name: '周安全', itemCode: 'A', expiry: '2099-01-01' });
  sqlite.prepare('UPDATE equipment SET origin_node = ? WHERE unit_id = ?').run(node.id, unitId);
  sqlite.prepare('UPDATE safety_managers SET origin_node = ? WHERE unit_id = ?').run(node.id, unitId);
  return unitId;
}

async function submitted(node: ExchangeNode, unitId: string): Promise<AcceptanceDetail> {
  let file = await node.ok('acceptance.create', { unitId, phase: 'pilot', inspectorName: '陈监察' });
  file = await node.ok('acceptance.transition', { id: file.id, version: file.version, action: 'start' });
  await fillFile(node, file);
  file = await node.ok('acceptance.get', { id: file.id });
  file = await node.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
  return node.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
}

describe('acceptance files in bundles', () => {
  it('carries the file and its evidence up, and the bureau’s return and pass back down on its own rows', async () => {
    const unitId = unitWithEquipment(office, '塘桥示范电梯有限公司');
    let file = await submitted(office, unitId);
    const sha = item(file, '4.1').evidence[0]!.sha256;

    const up = await net.send(office, bureau);
    expect(up.rowCounts).toMatchObject({ acceptance_files: 1, acceptance_items: 27, acceptance_evidence: 26, attachments: 1 });
    expect(up.files).toBe(1);
    for (const table of tables) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));
    expect(existsSync(attachmentPath(bureau.core.ctx, sha))).toBe(true);

    // the bureau sees the file in 市局验收, may not edit it, and returns one item
    let atBureau = await bureau.ok('acceptance.get', { id: file.id });
    expect(atBureau).toMatchObject({ state: 'city_review', locked: true, actions: ['pass', 'return', 'revoke'] });
    expect((await bureau.refused('acceptance.saveItem', { itemId: item(atBureau, '4.7').id, version: 1, result: 'fail', comment: 'x' })).code).toBe('FORBIDDEN');
    expect((await bureau.refused('acceptance.transition', { id: file.id, version: atBureau.version, action: 'rectify' })).code).toBe('FORBIDDEN');
    const evidenceBytes = await bureau.ok('acceptance.evidenceFile', { attachmentId: item(atBureau, '4.1').evidence[0]!.attachmentId });
    expect(Buffer.from(evidenceBytes.contentBase64, 'base64')).toEqual(samplePdf);
    atBureau = await bureau.ok('acceptance.decide', { fileId: file.id, outcome: 'return', comments: '应急预案缺演练记录', returnedItems: [{ code: '4.7', comment: '请补充近一年的演练记录' }] });
    expect(atBureau.state).toBe('returned');
    const filesBefore = rowsFrom(bureau, 'acceptance_files', office.id);

    const down = await net.send(bureau, office);
    expect(down.rowCounts).toMatchObject({ acceptance_decisions: 1 });
    // the office's rows were not touched by the bureau, here or there
    expect(rowsFrom(bureau, 'acceptance_files', office.id)).toBe(filesBefore);
    file = await office.ok('acceptance.get', { id: file.id });
    expect(file).toMatchObject({ state: 'returned', returnComments: '应急预案缺演练记录', locked: false });
    expect(item(file, '4.7').returnedComment).toBe('请补充近一年的演练记录');
    expect(item(file, '4.1').returnedComment).toBeNull();

    // the office fixes the item and submits again (round 2)
    file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'rectify' });
    const drill = await office.ok('files.stage', { name: '应急演练记录.pdf', contentBase64: Buffer.concat([samplePdf, Buffer.from('drill')]).toString('base64') });
    await office.ok('acceptance.attachEvidence', { itemId: item(file, '4.7').id, stagedId: drill.id, note: '2026 年演练' });
    file = await office.ok('acceptance.get', { id: file.id });
    file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
    file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
    expect(file).toMatchObject({ state: 'city_review', round: 2 });
    await net.send(office, bureau);
    atBureau = await bureau.ok('acceptance.get', { id: file.id });
    expect(atBureau.state).toBe('city_review');
    expect(item(atBureau, '4.7').evidence.map((e) => e.fileName)).toEqual(['制度汇编.pdf', '应急演练记录.pdf']);

    atBureau = await bureau.ok('acceptance.decide', { fileId: file.id, outcome: 'pass', comments: '符合示范单位要求', decidedOn: '2026-11-29' });
    expect(atBureau).toMatchObject({ state: 'passed', plaqueNo: '张特示〔2026〕第001号', passedOn: '2026-11-29' });
    await net.send(bureau, office);
    file = await office.ok('acceptance.get', { id: file.id });
    expect(file).toMatchObject({ state: 'passed', plaqueNo: '张特示〔2026〕第001号', locked: true, actions: ['recheck'] });
    expect(file.decisions.map((d) => d.outcome)).toEqual(['return', 'pass']);
    expect(unitAcceptanceStates(office.core.ctx, [unitId, 'no-such-unit'])).toEqual(new Map([[unitId, 'passed']]));
    expect(await office.ok('acceptance.board', {})).toMatchObject({ rows: [{ districtId: 'seed-district-03', phase: 'pilot', accepted: 1 }] });

    // its system documents become the district's templates, which the bureau sees too
    const template = await office.ok('acceptance.publishTemplate', { evidenceId: item(file, '4.7').evidence[1]!.id, title: null });
    expect(template).toMatchObject({ itemCode: '4.7', itemTitle: '事故应急预案', fileName: '应急演练记录.pdf', mine: true });
    expect((await office.refused('acceptance.publishTemplate', { evidenceId: item(file, '5.1').evidence[0]!.id, title: null })).message).toContain('不是制度');
    await net.send(office, bureau);
    expect((await bureau.ok('acceptance.templates', {})).map((t) => [t.title, t.mine])).toEqual([['事故应急预案（塘桥示范电梯有限公司）', false]]);
  });

  it('sends a decision only to the office that owns the file, and numbers plaques per year', async () => {
    const a = await submitted(office, unitWithEquipment(office, '甲公司'));
    const b = await submitted(other, unitWithEquipment(other, '乙公司', 'seed-district-04'));
    await net.send(office, bureau);
    await net.send(other, bureau);
    expect((await bureau.ok('acceptance.board', {})).files.map((f) => [f.unitName, f.state])).toEqual([
      ['甲公司', 'city_review'],
      ['乙公司', 'city_review'],
    ]);
    await bureau.ok('acceptance.decide', { fileId: a.id, outcome: 'pass', decidedOn: '2026-11-29' });
    const second = await bureau.ok('acceptance.decide', { fileId: b.id, outcome: 'pass', decidedOn: '2026-11-30' });
    expect(second.plaqueNo).toBe('张特示〔2026〕第002号');

    const toOther = await net.send(bureau, other);
    expect(toOther.rowCounts['acceptance_decisions']).toBe(1);
    const decisionsAtOther = other.core.ctx.database.sqlite.prepare('SELECT file_id AS fileId FROM acceptance_decisions').all();
    expect(decisionsAtOther).toEqual([{ fileId: b.id }]);
    expect((await other.ok('acceptance.get', { id: b.id })).state).toBe('passed');
    const toOffice = await net.send(bureau, office);
    expect(toOffice.rowCounts['acceptance_decisions']).toBe(1);
    expect((await office.ok('acceptance.get', { id: a.id })).plaqueNo).toBe('张特示〔2026〕第001号');

    // a pass cannot be decided twice; a revocation needs a reason and closes the file
    expect((await bureau.refused('acceptance.decide', { fileId: a.id, outcome: 'pass' })).code).toBe('CONFLICT');
    expect((await bureau.refused('acceptance.decide', { fileId: a.id, outcome: 'revoke' })).message).toContain('理由');
    await bureau.ok('acceptance.decide', { fileId: a.id, outcome: 'revoke', comments: '复查发现超期未检设备' });
    await net.send(bureau, office);
    const revoked = await office.ok('acceptance.get', { id: a.id });
    expect(revoked).toMatchObject({ state: 'revoked', plaqueNo: null, actions: [] });
    // the unit may start again
    expect((await office.ok('acceptance.candidates', {})).map((c) => c.name)).toContain('甲公司');
  });

  it('lists every veto item marked against the system’s finding on a pass, and needs a confirmation with a comment', async () => {
    const unitId = unitWithEquipment(office, '塘桥港务机械有限公司');
    const sqlite = office.core.ctx.database.sqlite;
    insertPieces(sqlite, unitId, 52, { registrationNo: '梯11苏E00007(17)', next: '2026-03-01' });
    sqlite.prepare('UPDATE equipment SET origin_node = ? WHERE unit_id = ?').run(office.id, unitId);
    // fillFile marks 3.2 符合 with a reason, as the office did
    const file = await submitted(office, unitId);
    expect(file.contradictions.map((c) => [c.code, c.finding, c.reason])).toEqual([['3.2', '有 52 台在用设备超期未检', '已现场核实']]);
    await net.send(office, bureau);

    // the bureau reads the same finding from the ledger rows it received, and the office's reason
    let atBureau = await bureau.ok('acceptance.get', { id: file.id });
    expect(item(atBureau, '3.2').contradiction).toEqual({ finding: '有 52 台在用设备超期未检', reason: '已现场核实' });
    const refusal = async (input: unknown) => {
      const result = await bureau.core.call('acceptance.decide', input);
      if (result.ok) throw new Error('acceptance.decide should have been refused');
      return result;
    };
    const unconfirmed = await refusal({ fileId: file.id, outcome: 'pass', comments: '同意' });
    expect(unconfirmed).toMatchObject({ code: 'VALIDATION', details: { field: 'confirmContradictions', contradictions: ['3.2'] } });
    expect(unconfirmed.message).toContain('3.2 特种设备及其安全附件均按期检验（系统核对：有 52 台在用设备超期未检；分局结论：符合；理由：已现场核实）');
    expect((await refusal({ fileId: file.id, outcome: 'pass', confirmContradictions: true })).details).toMatchObject({ field: 'comments' });
    expect(bureau.core.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM acceptance_decisions').get()).toEqual({ n: 0 });

    atBureau = await bureau.ok('acceptance.decide', { fileId: file.id, outcome: 'pass', confirmContradictions: true, comments: '已调阅 52 台补检报告，同意发牌', decidedOn: '2026-12-01' });
    expect(atBureau.state).toBe('passed');
    const acknowledged = [{ code: '3.2', title: '特种设备及其安全附件均按期检验', veto: true, result: 'pass', finding: '有 52 台在用设备超期未检', reason: '已现场核实' }];
    expect(atBureau.decisions[0]!.acknowledged).toEqual(acknowledged);
    const audit = bureau.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'acceptance.decide'").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ outcome: 'pass', acknowledged: [expect.stringContaining('3.2 特种设备及其安全附件均按期检验（系统核对：有 52 台在用设备超期未检')] });

    await net.send(bureau, office);
    const back = await office.ok('acceptance.get', { id: file.id });
    expect(back).toMatchObject({ state: 'passed', decisions: [{ outcome: 'pass', acknowledged }] });
  });

  it('counts only the bureau’s decisions: a decision row of another origin neither passes nor revokes a file', async () => {
    const unitId = unitWithEquipment(office, '塘桥示范电梯有限公司');
    const file = await submitted(office, unitId);
    await net.send(office, bureau);
    // rows no office can send any more (merge refuses them), put straight into the bureau's table
    const now = new Date().toISOString();
    const plant = (id: string, origin: string, outcome: string, plaque: string | null) =>
      bureau.core.ctx.database.sqlite
        .prepare(
          `INSERT INTO acceptance_decisions (id, origin_node, created_at, updated_at, file_id, office_node, round, outcome, plaque_no, decided_on, decided_by)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, '2026-12-01', '市局')`,
        )
        .run(id, origin, now, now, file.id, office.id, outcome, plaque);
    plant('by-other-office', other.id, 'pass', '张特示〔2026〕第999号');
    plant('by-the-office-itself', office.id, 'revoke', null);
    const atBureau = await bureau.ok('acceptance.get', { id: file.id });
    expect(atBureau).toMatchObject({ state: 'city_review', decisions: [] });
    expect(unitAcceptanceStates(bureau.core.ctx, [unitId]).get(unitId)).not.toBe('passed');
  });
});
