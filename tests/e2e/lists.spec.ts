import { copyFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { ListsPage } from './pages/lists-page.ts';
import { openArea } from './pages/shell.ts';
import { readDownload } from './xlsx.ts';

test.use({ sample: { units: 40, seed: 3 } });

test('the two lists show the units with 20+ pieces (cylinders excluded); export has two sheets; the print page makes a PDF', async ({ app, workspace }, testInfo) => {
  // per unit: the pieces list 1 counts (in use, no gas cylinders) and all pieces in use, from the generator
  const units = workspace.sample!.units;
  const listed = units.filter((u) => u.counted >= 20).map((u) => u.name);
  // the generator guarantees units that reach 20 only when their gas cylinders count
  const onlyWithCylinders = units.filter((u) => u.counted < 20 && u.inUse >= 20).map((u) => u.name);
  expect(listed.length).toBeGreaterThanOrEqual(3);
  expect(onlyWithCylinders.length).toBeGreaterThanOrEqual(1);

  const lists = new ListsPage(app);
  await lists.goto();
  expect((await lists.unitNames()).sort()).toEqual([...listed].sort());
  for (const name of onlyWithCylinders) await expect(lists.list1).not.toContainText(name);
  await expect(app.getByTestId('lists-summary')).toContainText(`清单一 ${listed.length} 家使用单位`);
  await expect(app.getByTestId('kind-counts')).toContainText('电梯');
  // a listed unit without a valid A-certificate manager is marked (the generator makes at least one)
  await expect(lists.list1.locator('tr[data-missing-manager]').first()).toBeVisible();
  await expect(app.getByTestId('lists-missing')).toContainText('没有有效的 A 证安全管理员');
  // ID numbers are masked in list 2
  for (const id of await lists.list2.locator('tbody tr td:nth-child(4)').allInnerTexts()) expect(id).toMatch(/^\d{4}\*+\d{3}[\dX]$/);

  const picture = testInfo.outputPath('two-lists.png');
  await app.screenshot({ path: picture, fullPage: true });
  await testInfo.attach('two lists', { path: picture, contentType: 'image/png' });
  if (process.env['QKL_SCREENSHOTS']) await copyFile(picture, `${process.env['QKL_SCREENSHOTS']}/qkl-two-lists.png`);

  const workbook = await readDownload(await lists.export());
  expect(workbook.worksheets).toHaveLength(2);

  // 打印 opens the A4 document and asks the browser to print it.
  await app.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await app.getByRole('button', { name: '打印' }).click();
  await expect(app).toHaveURL(/#\/lists-print\?asOf=\d{4}-\d{2}-\d{2}/);
  await expect(app.getByRole('navigation')).toHaveCount(0);
  await expect(app.getByText('张家港市市场监督管理局塘桥分局').first()).toBeVisible();
  await expect(app.getByRole('heading', { name: /^特种设备使用单位清单/ })).toBeVisible();
  await expect(app.getByRole('heading', { name: /^特种设备安全管理员清单/ })).toBeVisible();
  await expect.poll(() => app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByRole('button', { name: '打印' })).toBeHidden();
  const printPicture = testInfo.outputPath('two-lists-print.png');
  await app.screenshot({ path: printPicture, fullPage: true });
  await testInfo.attach('two lists, print media', { path: printPicture, contentType: 'image/png' });
  if (process.env['QKL_SCREENSHOTS']) await copyFile(printPicture, `${process.env['QKL_SCREENSHOTS']}/qkl-two-lists-print.png`);
  const pdf = await app.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
});

test('the screening rule is a setting: a higher threshold, or cylinders counted, changes list 1 at once', async ({ app, workspace }) => {
  const units = workspace.sample!.units;
  const counted = [...new Set(units.map((u) => u.counted).filter((n) => n >= 20))].sort((a, b) => b - a);
  expect(counted.length).toBeGreaterThanOrEqual(2);
  const threshold = counted[1]!;
  const expected = units.filter((u) => u.counted >= threshold).map((u) => u.name);

  await openArea(app, '设置');
  const form = app.getByRole('form', { name: '筛查与提醒规则' });
  await expect(form.getByLabel('筛查台数（两项清单）')).toHaveValue('20');
  await expect(form.getByLabel('不计入的设备种类代码')).toHaveValue('2300');
  // a bad value is named next to its field and nothing is saved
  await form.getByLabel('筛查台数（两项清单）').fill('0');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toContainText('筛查台数应在 1 到 10000 之间');
  await form.getByLabel('筛查台数（两项清单）').fill(String(threshold));
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存筛查与提醒规则');

  const lists = new ListsPage(app);
  await lists.goto();
  expect((await lists.unitNames()).sort()).toEqual([...expected].sort());
  await expect(app.getByTestId('lists-summary')).toContainText(`清单一 ${expected.length} 家使用单位`);

  // counting gas cylinders again brings in the units that reach 20 only with them
  await openArea(app, '设置');
  await form.getByLabel('筛查台数（两项清单）').fill('20');
  await form.getByLabel('不计入的设备种类代码').fill('');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存筛查与提醒规则');
  await lists.goto();
  const withCylinders = units.filter((u) => u.inUse >= 20).map((u) => u.name);
  expect((await lists.unitNames()).sort()).toEqual([...withCylinders].sort());
});
