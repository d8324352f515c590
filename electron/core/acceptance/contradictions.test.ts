import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import type { AcceptanceDetail } from '../../api/schemas/acceptance.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';
import { fillFile, samplePdf } from './testing/fill.ts';

// An office marking an item against the system's own finding (issue 16 C): the reason
// is required and kept with the finding; 报市局验收 waits for a reason on every one.

let t: TestCore;
let unitId: string;
const now = () => new Date('2026-11-29T02:00:00Z');
const item = (d: AcceptanceDetail, code: string) => d.areas.flatMap((a) => a.items).find((i) => i.code === code)!;

beforeEach(async () => {
  t = await districtCore({ now });
  const sqlite = t.core.ctx.database.sqlite;
  unitId = insertUnit(sqlite, { name: '张家港港务机械有限公司' });
  insertPieces(sqlite, unitId, 52, { registrationNo: '梯11苏E00001(17)', next: '2026-03-01' });
  insertPieces(sqlite, unitId, 8, { registrationNo: '梯11苏E00002(17)', next: '2027-06-01' });
  insertManager(sqlite, unitId, { name: '周安全', itemCode: 'A', expiry: '2028-05-01' });
});
afterEach(() => t.cleanup());

async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}

describe('an item marked against the system’s finding', () => {
  it('needs a written reason, and the file keeps the finding and the reason side by side', async () => {
    const file = await t.ok('acceptance.create', { unitId, phase: 'pilot' });
    const veto = item(file, '3.2');
    expect(veto).toMatchObject({ veto: true, result: 'fail', prefill: { outcome: 'fail', summary: '有 52 台在用设备超期未检' }, contradiction: null });

    const noReason = await refused('acceptance.saveItem', { itemId: veto.id, version: veto.version, result: 'pass', comment: '已检验' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', details: { field: 'contradictionReason' } });
    expect(noReason.message).toContain('第 3.2 项系统核对结果为不符合（有 52 台在用设备超期未检）');
    // 不适用 hides the problem as well
    expect((await refused('acceptance.saveItem', { itemId: veto.id, version: veto.version, result: 'na', reason: '设备已停用' })).details).toMatchObject({ field: 'contradictionReason' });
    // nothing was changed by the refusals
    expect(item(await t.ok('acceptance.get', { id: file.id }), '3.2')).toMatchObject({ result: 'fail', version: veto.version });

    const saved = await t.ok('acceptance.saveItem', {
      itemId: veto.id,
      version: veto.version,
      result: 'pass',
      comment: '已检验',
      contradictionReason: '52 台已于 11 月补检，检验报告已上传，台账待更新',
    });
    expect(saved.contradiction).toEqual({ finding: '有 52 台在用设备超期未检', reason: '52 台已于 11 月补检，检验报告已上传，台账待更新' });
    const detail = await t.ok('acceptance.get', { id: file.id });
    expect(detail.contradictions).toEqual([
      { code: '3.2', title: '特种设备及其安全附件均按期检验', veto: true, result: 'pass', finding: '有 52 台在用设备超期未检', reason: '52 台已于 11 月补检，检验报告已上传，台账待更新' },
    ]);
    const sqlite = t.core.ctx.database.sqlite;
    expect(sqlite.prepare('SELECT system_finding AS f, contradiction_reason AS r FROM acceptance_items WHERE id = ?').get(veto.id)).toEqual({
      f: '有 52 台在用设备超期未检',
      r: '52 台已于 11 月补检，检验报告已上传，台账待更新',
    });
    const audit = sqlite.prepare("SELECT after FROM audit_log WHERE call = 'acceptance.saveItem' ORDER BY seq DESC LIMIT 1").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ code: '3.2', result: 'pass', systemFinding: '有 52 台在用设备超期未检', contradictionReason: expect.stringContaining('补检') });

    // back to 不符合: no contradiction is left behind
    const back = await t.ok('acceptance.saveItem', { itemId: veto.id, version: saved.version, result: 'fail', comment: '52 台超期未检' });
    expect(back.contradiction).toBeNull();
    expect(sqlite.prepare('SELECT system_finding AS f, contradiction_reason AS r FROM acceptance_items WHERE id = ?').get(veto.id)).toEqual({ f: null, r: null });
    expect((await t.ok('acceptance.get', { id: file.id })).contradictions).toEqual([]);
  });

  it('holds 报市局验收 while a contradiction has no reason, e.g. after the ledger changed', async () => {
    const sqlite = t.core.ctx.database.sqlite;
    sqlite.prepare("UPDATE equipment SET next_inspection_date = '2027-06-01' WHERE unit_id = ?").run(unitId);
    let file = await t.ok('acceptance.create', { unitId, phase: 'pilot' });
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'start' });
    await fillFile(t, file);
    file = await t.ok('acceptance.get', { id: file.id });
    expect(file.contradictions).toEqual([]);
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
    // a newer ledger: 3 pieces now overdue, while 3.2 says 符合 with no reason
    const ids = (sqlite.prepare('SELECT id FROM equipment WHERE unit_id = ? ORDER BY id LIMIT 3').all(unitId) as Array<{ id: string }>).map((r) => r.id);
    for (const id of ids) sqlite.prepare("UPDATE equipment SET next_inspection_date = '2026-10-01' WHERE id = ?").run(id);
    file = await t.ok('acceptance.get', { id: file.id });
    expect(file.contradictions).toEqual([expect.objectContaining({ code: '3.2', finding: '有 3 台在用设备超期未检', reason: null })]);
    const held = await refused('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
    expect(held.message).toContain('第 3.2 项的结果与系统核对结果不一致（如 3.2：有 3 台在用设备超期未检）');

    const veto = item(file, '3.2');
    await t.ok('acceptance.saveItem', { itemId: veto.id, version: veto.version, result: 'pass', comment: '已核查', contradictionReason: '3 台已报检，检验机构已受理' });
    file = await t.ok('acceptance.get', { id: file.id });
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
    expect(file.state).toBe('city_review');
  });

  it('needs evidence for 2.2 and 3.2 on the current checklist, while a v1 file keeps its own rules', async () => {
    const sqlite = t.core.ctx.database.sqlite;
    sqlite.prepare("UPDATE equipment SET next_inspection_date = '2027-06-01' WHERE unit_id = ?").run(unitId);
    let file = await t.ok('acceptance.create', { unitId, phase: 'pilot' });
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'start' });
    await fillFile(t, file);
    file = await t.ok('acceptance.get', { id: file.id });
    for (const code of ['2.2', '3.2']) {
      expect(item(file, code)).toMatchObject({ result: 'pass', evidenceRequired: true });
      await t.ok('acceptance.removeEvidence', { id: item(file, code).evidence[0]!.id });
    }
    file = await t.ok('acceptance.get', { id: file.id });
    expect(file.missingEvidence).toEqual(['2.2 所有特种设备均办理使用登记', '3.2 特种设备及其安全附件均按期检验']);
    file = await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
    expect((await refused('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' })).message).toContain('缺少佐证材料（如 2.2 所有特种设备均办理使用登记）');
    const staged = await t.ok('files.stage', { name: '使用登记证.pdf', contentBase64: samplePdf.toString('base64') });
    await t.ok('acceptance.attachEvidence', { itemId: item(file, '2.2').id, stagedId: staged.id });
    await t.ok('acceptance.attachEvidence', { itemId: item(file, '3.2').id, stagedId: staged.id });
    file = await t.ok('acceptance.get', { id: file.id });
    expect((await t.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' })).state).toBe('city_review');

    // a file made on v1 reads as it did: 2.2 and 3.2 on the ledger, 6.1 on the A managers
    const other = insertUnit(sqlite, { name: '老档案公司' });
    insertPieces(sqlite, other, 2, { registrationNo: '梯11苏E00003(17)', next: '2027-06-01' });
    const old = await t.ok('acceptance.create', { unitId: other, phase: 'pilot' });
    sqlite.prepare("UPDATE acceptance_files SET checklist_version = 'v1' WHERE id = ?").run(old.id);
    const v1 = await t.ok('acceptance.get', { id: old.id });
    expect(v1.checklistTitle).toContain('（v1）');
    expect(item(v1, '2.2').evidenceRequired).toBe(false);
    expect(item(v1, '3.2').evidenceRequired).toBe(false);
    expect(item(v1, '6.1').prefill).toMatchObject({ key: 'managers' });
  });
});

describe('6.1 作业人员证件档案 from the operators’ certificates', () => {
  it('sets what the unit’s kinds need against what its people hold, never counting the A managers', async () => {
    const sqlite = t.core.ctx.database.sqlite;
    const unit = insertUnit(sqlite, { name: '张家港物流仓储有限公司' });
    insertPieces(sqlite, unit, 12, { kind: '5000', category: '5100', variety: '5110', registrationNo: '车11苏E00001(20)', next: '2027-06-01' });
    insertPieces(sqlite, unit, 4, { kind: '4000', category: '4100', variety: '4110', registrationNo: '起11苏E00001(20)', next: '2027-06-01' });
    insertPieces(sqlite, unit, 2, { registrationNo: '梯11苏E00009(20)', next: '2027-06-01' });
    insertManager(sqlite, unit, { name: '周安全', itemCode: 'A', expiry: '2028-05-01' });
    for (const name of ['叉车甲', '叉车乙', '叉车丙']) insertManager(sqlite, unit, { name, itemCode: 'N1', expiry: '2028-01-01' });
    insertManager(sqlite, unit, { name: '叉车丁', itemCode: 'N1', expiry: '2025-01-01' });

    let file = await t.ok('acceptance.create', { unitId: unit, phase: 'pilot' });
    expect(item(file, '6.1')).toMatchObject({
      result: 'fail',
      resultSource: 'prefill',
      comment: '系统核对：叉车 12 台：持 N1 证 3 人（另有 1 人证书已过期或未填有效期）；起重机械 4 台：无 Q2 证',
      prefill: { key: 'operators', outcome: 'fail' },
    });
    expect(item(file, '6.1').prefill!.details).toEqual([
      '起重机械 4 台：需要专人指挥的吊装作业需 Q1 证，持证 0 人',
      '电梯 2 台：电梯修理（T）由维护保养单位的持证人员承担，使用单位不需作业人员证',
      'N1 叉车司机：叉车丙（至 2028-01-01）、叉车丁（至 2025-01-01）、叉车甲（至 2028-01-01）、叉车乙（至 2028-01-01）',
    ]);
    expect(item(file, '1.1').prefill).toMatchObject({ key: 'managers', outcome: 'pass' });

    // a crane driver's certificate arrives in the ledger: the system's finding agrees
    insertManager(sqlite, unit, { name: '吊车甲', itemCode: 'Q2', expiry: '2029-01-01' });
    file = await t.ok('acceptance.get', { id: file.id });
    expect(item(file, '6.1').prefill).toMatchObject({ outcome: 'pass', summary: '叉车 12 台：持 N1 证 3 人（另有 1 人证书已过期或未填有效期）；起重机械 4 台：持 Q2 证 1 人' });
  });
});

describe('the unit picker', () => {
  it('finds candidates by name, pinyin initials or credit code, and leaves out units with an open file', async () => {
    const sqlite = t.core.ctx.database.sqlite;
    const other = insertUnit(sqlite, { name: '塘桥纺织有限公司', uscc: '91320582MA1X7HGL2C' });
    insertUnit(sqlite, { name: '锦丰钢铁有限公司' });
    const names = async (search?: string, limit?: number) => (await t.ok('acceptance.candidates', { search, limit })).map((c) => c.name);
    // by pieces in use, then by pinyin (jin before tang)
    expect(await names()).toEqual(['张家港港务机械有限公司', '锦丰钢铁有限公司', '塘桥纺织有限公司']);
    expect(await names('纺织')).toEqual(['塘桥纺织有限公司']);
    expect(await names('TQFZ')).toEqual(['塘桥纺织有限公司']);
    expect(await names('ma1x7')).toEqual(['塘桥纺织有限公司']);
    expect(await names('有限公司', 2)).toHaveLength(2);
    await t.ok('acceptance.create', { unitId: other, phase: 'pilot' });
    expect(await names('tqfz')).toEqual([]);
  });
});
