import { copyFile } from 'node:fs/promises';
import { usccCheckChar } from '../../electron/core/validation/uscc.ts';
import { expect, test } from './fixtures.ts';
import { UnitsPage } from './pages/units-page.ts';

// A page full of realistic rows, for looking at the layout and the Chinese fonts.
// The picture is attached to the report; set QKL_SCREENSHOT=/tmp/units.png to also copy it there.
const samples = [
  ['张家港市华润燃气有限公司', '塘桥镇人民中路 88 号', '燃气供应', '王建国', '13812345678'],
  ['江苏沙钢物流有限公司', '塘桥镇沙钢大道 1 号', '物流仓储', '李明', '0512-58561234'],
  ['张家港保税区长江国际港务有限公司', '塘桥镇港区路 6 号', '港口装卸', '陈晓东', '13962211234'],
  ['塘桥镇中心小学', '塘桥镇文化路 12 号', '教育', '周慧', '0512-58401234'],
  ['张家港市第三人民医院', '塘桥镇南京路 2 号', '医疗卫生', '吴海峰', '13705151234'],
  ['苏州富瑞特种装备股份有限公司', '塘桥镇富瑞路 1 号', '装备制造', '郑伟', '18915671234'],
  ['张家港市金城游乐园有限公司', '塘桥镇金城路 9 号', '游乐设施', '孙丽', '15250121234'],
  ['塘桥大酒店有限公司', '塘桥镇人民北路 18 号', '住宿餐饮', '钱志强', '13151181234'],
] as const;

function validUscc(i: number): string {
  const first17 = `913205827${String(40000000 + i * 7919).padStart(8, '0')}`;
  return first17 + usccCheckChar(first17);
}

test('units page with sample rows (screenshot)', async ({ app }, testInfo) => {
  const units = new UnitsPage(app);
  await units.goto();
  // Seeded through the same bridge the UI uses, so every row passed the core's checks.
  await app.evaluate(
    async ({ rows }) => {
      for (const row of rows) {
        const result = await window.qkl!['units.create']({ districtId: 'seed-district-03', ...row });
        if (!result.ok) throw new Error(result.message);
      }
    },
    {
      rows: samples.map(([name, address, industry, contactPerson, contactPhone], i) => ({
        name,
        // one 15-digit number from before 2015, to show the legacy mark
        uscc: i === 3 ? '320582000012345' : validUscc(i),
        address,
        industry,
        contactPerson,
        contactPhone,
      })),
    },
  );
  await app.reload();
  await expect(units.rows).toHaveCount(samples.length);
  await expect(units.total).toHaveText(`共 ${samples.length} 家`);
  // The 15-digit number is marked as a legacy code.
  await expect(units.cell('塘桥镇中心小学', 'uscc')).toContainText('旧号');
  await units.select('江苏沙钢物流有限公司');

  const file = testInfo.outputPath('units.png');
  await app.screenshot({ path: file });
  await testInfo.attach('units page', { path: file, contentType: 'image/png' });
  const copyTo = process.env['QKL_SCREENSHOT'];
  if (copyTo) await copyFile(file, copyTo);
});
