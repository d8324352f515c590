import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest } from '../../../tests/support/exchange.ts';
import { hostileBundle, syncColumns } from '../../../tests/support/hostile-bundle.ts';
import type { AcceptanceDetail } from '../../api/schemas/acceptance.ts';
import { samplePdf } from '../acceptance/testing/fill.ts';
import { city, clock, fileInCityReview, TANGQIAO, unitWithPieces, type City } from '../steering/testing/city.ts';
import { attachmentPath } from '../attachments/store.ts';

// 标准化样本 city-wide: 塘桥 publishes its accepted unit's system document as a district
// template; the bureau republishes it as its own row with its own attachment row, and
// its bundles carry row and file to 锦丰, whose library shows it with the source
// district. The office's withdrawal, the bureau's own and a revoked plaque take it out.

let c: City;
beforeEach(async () => {
  clock.day = '2026-11-02';
  c = await city();
});
afterEach(() => c.cleanup());

const item = (d: AcceptanceDetail, code: string) => d.areas.flatMap((a) => a.items).find((i) => i.code === code)!;

/** 塘桥's accepted unit and its published template of item 4.1, in the bureau's database. */
async function publishedAtBureau() {
  const { bureau, tangqiao } = c;
  const unitId = unitWithPieces(tangqiao, TANGQIAO, '塘桥示范电梯有限公司', [{ n: 2, next: '2027-06-01' }]);
  const file = await fileInCityReview(tangqiao, unitId, 'pilot');
  await c.send(tangqiao, bureau);
  await bureau.ok('acceptance.decide', { fileId: file.id, outcome: 'pass', confirmContradictions: true, comments: '已逐项核实', decidedOn: '2026-11-02' });
  // nothing to publish city-wide until the office publishes a template
  expect(await bureau.ok('acceptance.templates', {})).toEqual([]);
  await c.send(bureau, tangqiao);
  const detail = await tangqiao.ok('acceptance.get', { id: file.id });
  const template = await tangqiao.ok('acceptance.publishTemplate', { evidenceId: item(detail, '4.1').evidence[0]!.id, title: '安全生产责任制度（示范）' });
  await c.send(tangqiao, bureau);
  return { file, template };
}

describe('city-wide templates', () => {
  it('reach every office from the bureau, with their files and source district', async () => {
    const { bureau, tangqiao, jinfeng } = c;
    const { template } = await publishedAtBureau();
    // the bureau: the office's template, published city-wide on import
    const atBureau = await bureau.ok('acceptance.templates', {});
    expect(atBureau).toHaveLength(1);
    expect(atBureau[0]).toMatchObject({ id: template.id, scope: 'district', districtName: '塘桥', mine: false, city: { withdrawnAt: null, withdrawnByBureau: false } });
    const rows = bureau.core.ctx.database.sqlite.prepare('SELECT origin_node AS origin, source_node AS source, district_id AS district, unit_name AS unit FROM city_templates').all();
    expect(rows).toEqual([{ origin: bureau.id, source: tangqiao.id, district: TANGQIAO, unit: '塘桥示范电梯有限公司' }]);
    const own = bureau.core.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM attachments WHERE origin_node = ?').get(bureau.id) as { n: number };
    expect(own.n).toBe(1);

    // 锦丰 receives the bureau's row, its attachment row and the file
    const down = await c.send(bureau, jinfeng);
    expect(down.rowCounts).toMatchObject({ city_templates: 1, attachments: 1 });
    expect(down.files).toBe(1);
    const library = await jinfeng.ok('acceptance.templates', {});
    expect(library).toEqual([
      expect.objectContaining({ scope: 'city', districtName: '塘桥', unitName: '塘桥示范电梯有限公司', itemCode: '4.1', itemTitle: '安全生产责任制度', title: '安全生产责任制度（示范）', fileName: '制度汇编.pdf', mine: false }),
    ]);
    const content = await jinfeng.ok('acceptance.evidenceFile', { attachmentId: library[0]!.attachmentId });
    expect(Buffer.from(content.contentBase64, 'base64')).toEqual(samplePdf);
    expect((await jinfeng.refused('acceptance.withdrawTemplate', { id: library[0]!.id })).code).toBe('NOT_FOUND');

    // 塘桥 sees its own template once, marked as published city-wide
    await c.send(bureau, tangqiao);
    const mine = await tangqiao.ok('acceptance.templates', {});
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: template.id, scope: 'district', mine: true, city: { withdrawnAt: null } });

    // the office withdraws it: it leaves the city library with the next bundles, also at 锦丰
    await tangqiao.ok('acceptance.withdrawTemplate', { id: template.id });
    await c.send(tangqiao, bureau);
    expect((await bureau.ok('acceptance.templates', { includeWithdrawn: true }))[0]!.city).toMatchObject({ withdrawnReason: '分局已撤下该样本', withdrawnByBureau: false });
    await c.send(bureau, jinfeng);
    expect(await jinfeng.ok('acceptance.templates', {})).toEqual([]);
    expect((await jinfeng.ok('acceptance.templates', { includeWithdrawn: true }))[0]).toMatchObject({ scope: 'city', withdrawnAt: expect.any(String) });
  });

  it('leave the city library when the bureau takes one out or revokes the unit, and come back only when the bureau puts them back', async () => {
    const { bureau, tangqiao, jinfeng } = c;
    const { file, template } = await publishedAtBureau();
    const cityId = (await bureau.ok('acceptance.templates', {}))[0]!.city!.id;
    expect((await bureau.refused('steering.withdrawCityTemplate', { id: cityId, reason: '' })).message).toContain('理由');
    expect((await tangqiao.refused('steering.withdrawCityTemplate', { id: cityId, reason: '内容过时' })).code).toBe('FORBIDDEN');
    await bureau.ok('steering.withdrawCityTemplate', { id: cityId, reason: '内容需按新规修订' });
    // an office bundle arriving later does not publish it again by itself
    await c.send(tangqiao, bureau);
    expect((await bureau.ok('acceptance.templates', {}))[0]!.city).toMatchObject({ withdrawnReason: '内容需按新规修订', withdrawnByBureau: true });
    await c.send(bureau, jinfeng);
    expect(await jinfeng.ok('acceptance.templates', {})).toEqual([]);

    await bureau.ok('steering.restoreCityTemplate', { id: cityId });
    await c.send(bureau, jinfeng);
    expect((await jinfeng.ok('acceptance.templates', {})).map((t) => t.title)).toEqual(['安全生产责任制度（示范）']);

    await bureau.ok('acceptance.decide', { fileId: file.id, outcome: 'revoke', comments: '复查发现超期未检设备' });
    expect((await bureau.ok('acceptance.templates', {})).find((t) => t.id === template.id)!.city).toMatchObject({ withdrawnReason: '该单位的示范单位资格已撤销' });
    expect((await bureau.refused('steering.restoreCityTemplate', { id: cityId })).message).toContain('不是示范单位');
    await c.send(bureau, jinfeng);
    expect(await jinfeng.ok('acceptance.templates', {})).toEqual([]);
  });

  it('refuse a city template from the bureau whose file is not the bureau’s own attachment row', async () => {
    const { bureau, jinfeng } = c;
    // 锦丰's own attachment: a bureau row may not point at it (nor at any other node's)
    const sha = '0'.repeat(64);
    const now = new Date().toISOString();
    jinfeng.core.ctx.database.sqlite
      .prepare('INSERT INTO attachments (id, origin_node, created_at, updated_at, sha256, size, file_name, mime_type) VALUES (?, ?, ?, ?, ?, 1, ?, ?)')
      .run('jinfeng-file', jinfeng.id, now, now, sha, '锦丰制度.pdf', 'application/pdf');
    const before = dataDigest(jinfeng);
    const row = {
      ...syncColumns(bureau.id),
      source_template_id: 't',
      source_node: 'x',
      source_file_id: 'f',
      district_id: TANGQIAO,
      unit_name: '某公司',
      checklist_version: '1',
      item_code: '4.1',
      attachment_id: 'jinfeng-file',
      title: '伪造样本',
      published_at: now,
    };
    const [result] = await jinfeng.ok('bundles.import', { paths: [await hostileBundle(bureau, jinfeng, { city_templates: [row] })] });
    expect(result).toMatchObject({ status: 'refused', reason: 'foreign-rows' });
    expect(result!.message).toContain('引用的附件（编号 jinfeng-file）不是张家港市市场监督管理局建立的记录');
    expect(dataDigest(jinfeng)).toBe(before);
    expect(existsSync(attachmentPath(jinfeng.core.ctx, sha))).toBe(false);
  });
});
