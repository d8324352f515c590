import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { fillFile, samplePng } from '../acceptance/testing/fill.ts';
import { DEFAULT_RULE } from '../risk/rule.ts';
import { insertPieces, insertUnit } from '../registry/testing/fixtures.ts';

// 风险分级 is each node's own reading of the rows it holds: nothing of it travels. The
// bureau scores the offices' units from the rows their bundles bring, with its own rule;
// an office's unit gains the demonstration-unit deduction once the bureau's pass arrives.
// The publicity log travels up with its photos and is read-only at the bureau.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;
beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

/** The office's own unit with `overdue` of its 22 elevators past their date (rows as the import writes them). */
function officeUnit(name: string, overdue: number): string {
  const sqlite = office.core.ctx.database.sqlite;
  const unitId = insertUnit(sqlite, { name });
  insertPieces(sqlite, unitId, 22 - overdue, { registrationNo: '梯11苏E00001(17)', next: '2099-01-01' });
  insertPieces(sqlite, unitId, overdue, { registrationNo: '梯11苏E00002(17)', next: '2020-01-01' });
  sqlite.prepare('UPDATE units SET origin_node = ? WHERE id = ?').run(office.id, unitId);
  sqlite.prepare('UPDATE equipment SET origin_node = ? WHERE unit_id = ?').run(office.id, unitId);
  return unitId;
}

describe('risk grading and the publicity log between nodes', () => {
  it('scores the offices’ units at the bureau from the merged rows, with the bureau’s own rule', async () => {
    const risky = officeUnit('张家港市塘桥风险有限公司', 8);
    const calm = officeUnit('张家港市塘桥平稳有限公司', 0);
    const atOffice = await office.ok('risk.unit', { unitId: risky });
    expect(atOffice).toMatchObject({ score: 55, level: 'elevated', ruleVersion: 1 });

    const bundle = await net.send(office, bureau);
    expect(Object.keys(bundle.rowCounts).filter((t) => t.startsWith('risk') || t === 'unit_risk')).toEqual([]);
    const atBureau = await bureau.ok('risk.unit', { unitId: risky });
    expect(atBureau).toMatchObject({ score: 55, level: 'elevated', districtName: '塘桥' });
    expect(atBureau.breakdown).toEqual(atOffice.breakdown);
    expect((await bureau.ok('risk.distribution', {})).counts).toEqual({ high: 0, elevated: 1, general: 1, low: 0 });
    expect((await bureau.ok('risk.distribution', { districtId: 'seed-district-04' })).counts).toEqual({ high: 0, elevated: 0, general: 0, low: 0 });
    expect((await bureau.ok('units.query', { riskLevels: ['elevated'] })).rows.map((u) => u.id)).toEqual([risky]);

    // the bureau's stricter rule is the bureau's: the office keeps scoring with its own
    await bureau.ok('risk.updateRule', { rule: { ...DEFAULT_RULE, thresholds: { high: 50, elevated: 30, general: 10 } } });
    expect(await bureau.ok('risk.unit', { unitId: risky })).toMatchObject({ level: 'high', ruleVersion: 2 });
    await net.send(bureau, office);
    expect(await office.ok('risk.unit', { unitId: risky })).toMatchObject({ level: 'elevated', ruleVersion: 1 });
    // 22 pieces and no A manager on list 1: 5 + 20
    expect(await office.ok('risk.unit', { unitId: calm })).toMatchObject({ score: 25, level: 'general' });
  });

  it('takes the demonstration-unit points off once the bureau’s pass arrives at the office', async () => {
    const unitId = officeUnit('张家港市塘桥示范电梯有限公司', 8);
    let file = await office.ok('acceptance.create', { unitId, phase: 'pilot', inspectorName: '陈监察' });
    file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'start' });
    await fillFile(office, file);
    file = await office.ok('acceptance.get', { id: file.id });
    file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
    await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
    expect((await office.ok('risk.unit', { unitId })).score).toBe(55);
    await net.send(office, bureau);
    await bureau.ok('acceptance.decide', { fileId: file.id, outcome: 'pass', confirmContradictions: true, comments: '已逐项核实', decidedOn: '2026-11-29' });
    expect(await bureau.ok('risk.unit', { unitId })).toMatchObject({ score: 40, level: 'elevated' });
    await net.send(bureau, office);
    const after = await office.ok('risk.unit', { unitId });
    expect(after.score).toBe(40);
    expect(after.breakdown.find((l) => l.code === 'demo-passed')).toEqual({ code: 'demo-passed', factor: '示范单位（验收通过）', fact: '已通过示范单位验收（减分）', points: -15 });
  });

  it('carries the publicity log and its photos to the bureau, which only reads it', async () => {
    const photo = await office.ok('files.stage', { name: '宣传咨询台.png', contentBase64: samplePng.toString('base64') });
    const activity = await office.ok('publicity.save', {
      kind: 'into_communities',
      title: '特种设备安全进社区',
      heldOn: '2026-06-16',
      place: '塘桥镇韩山社区',
      audience: '社区居民',
      participants: 120,
      addPhotos: [photo.id],
    });
    const bundle = await net.send(office, bureau);
    expect(bundle.rowCounts).toMatchObject({ publicity_activities: 1, attachments: 1 });
    const [seen] = await bureau.ok('publicity.list', {});
    expect(seen).toMatchObject({ id: activity.id, districtName: '塘桥', participants: 120, mine: false, photos: [{ fileName: '宣传咨询台.png' }] });
    const bytes = await bureau.ok('publicity.photoFile', { attachmentId: seen!.photos[0]!.attachmentId });
    expect(Buffer.from(bytes.contentBase64, 'base64')).toEqual(samplePng);
    expect((await bureau.refused('publicity.delete', { id: activity.id, version: 1 })).code).toBe('FORBIDDEN');

    // the office deletes it: the tombstone travels too
    await office.ok('publicity.delete', { id: activity.id, version: activity.version });
    await net.send(office, bureau);
    expect(await bureau.ok('publicity.list', {})).toEqual([]);
  });
});
