import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import type { HazardDetail } from '../../api/schemas/hazards.ts';
import { samplePng } from '../acceptance/testing/fill.ts';
import { insertUnit } from '../registry/testing/fixtures.ts';
import { attachmentPath } from '../attachments/store.ts';

// 隐患闭环 travels up: the office's hazards and their steps (with the evidence files)
// reach the bureau, which reads them and cannot change them.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

// the registry's rows as a ledger import writes them, owned by the office
const ownUnit = (name: string) => insertUnit(office.core.ctx.database.sqlite, { name, districtId: 'seed-district-03', originNode: office.id });

describe('hazards in bundles', () => {
  it('arrive at the bureau with their steps and evidence, and the bureau cannot change them', async () => {
    const units = [ownUnit('张家港市塘桥甲机械有限公司'), ownUnit('张家港市塘桥乙机械有限公司')];
    const chen = await office.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS3205820001' });
    await office.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: units, leadUnitId: units[0], inspectorIds: [chen.id] });
    const photo = await office.ok('files.stage', { name: '整改前.png', contentBase64: samplePng.toString('base64') });
    let hazard: HazardDetail = await office.ok('hazards.create', { unitId: units[1], description: '电梯轿厢应急照明失效', level: 'major', foundBy: '陈监察', foundOn: '2026-02-12', evidence: [photo.id] });
    hazard = await office.ok('hazards.transition', { id: hazard.id, version: hazard.version, action: 'order', orderedOn: '2026-02-12', workingDays: 5 });

    const first = await net.send(office, bureau);
    expect(first.rowCounts).toMatchObject({ hazards: 1, hazard_events: 2 });
    for (const table of ['hazards', 'hazard_events', 'attachments', 'blocks']) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));
    expect(existsSync(attachmentPath(bureau.core.ctx, photo.id))).toBe(true);
    const seen = await bureau.ok('hazards.get', { id: hazard.id });
    expect(seen).toMatchObject({ state: 'ordered', deadline: '2026-02-26', blockName: '塘桥第一组', unitName: '张家港市塘桥乙机械有限公司', actions: [] });
    expect(seen.events[0]!.evidence[0]).toMatchObject({ fileName: '整改前.png' });
    expect((await bureau.ok('hazards.list', { districtId: 'seed-district-03' })).map((h) => h.id)).toEqual([hazard.id]);

    const before = dataDigest(bureau);
    expect(await bureau.refused('hazards.transition', { id: hazard.id, version: seen.version, action: 'start' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本机不是分局节点') });
    expect(await bureau.refused('hazards.update', { id: hazard.id, version: seen.version, description: '改' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await bureau.refused('hazards.create', { unitId: units[0], description: '某', level: 'general', foundBy: '市局', foundOn: '2026-02-12' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(dataDigest(bureau)).toBe(before);

    // the next step travels in the next bundle, as a newer version of the same row
    await office.ok('hazards.transition', { id: hazard.id, version: hazard.version, action: 'start', comment: '单位已开始整改' });
    const second = await net.send(office, bureau);
    expect(second.rowCounts).toMatchObject({ hazards: 1, hazard_events: 1 });
    expect(await bureau.ok('hazards.get', { id: hazard.id })).toMatchObject({ state: 'rectifying', version: 3 });
    expect(rowsFrom(bureau, 'hazard_events', office.id)).toBe(rowsFrom(office, 'hazard_events', office.id));
  });
});
