import type { TestCore } from '../../../../tests/support/core.ts';
import { samplePng } from '../../acceptance/testing/fill.ts';
import { addUnits } from '../../blocks/testing/fixtures.ts';

/** A block of six units of the 塘桥 office with a lead unit and one inspector; returns the unit ids. */
export async function blockWithLead(t: TestCore): Promise<{ units: string[]; blockId: string; inspectorId: string }> {
  const units = addUnits(t.core.ctx.database.sqlite, 6, { prefix: '塘桥' });
  const chen = await t.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS3205820001', phone: '0512-58123456' });
  const block = await t.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: units, leadUnitId: units[0], inspectorIds: [chen.id] });
  return { units, blockId: block.id, inspectorId: chen.id };
}

/** A staged photo, as the renderer would upload it (a different name gives a different attachment row). */
export async function stagedPhoto(t: TestCore, name = '现场照片.png'): Promise<string> {
  return (await t.ok('files.stage', { name, contentBase64: samplePng.toString('base64') })).id;
}
