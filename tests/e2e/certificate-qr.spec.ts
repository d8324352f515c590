import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { writeAnswersXlsx, writeBankXlsx } from '../../electron/core/training/testing/workbooks.ts';
import { cli, expect, test } from './fixtures.ts';
import { centreWithRoster, trainingCall, zhang } from './support/training-setup.ts';

// The QR code must scan. The real print page (browser host, Chromium) is rasterised
// as a printer or a scan of the paper would be, at 300 dpi and at 150 dpi; a real
// decoder library reads the code off the whole certificate; `qkl verify-cert` finds
// the decoded text genuine.

test.use({ nodeRole: 'training' });
test.describe.configure({ timeout: 180_000 });

// Loaded by name at run time, so the type check does not depend on them: jsqr (the
// decoder) and pngjs (to read Playwright's PNG screenshots into pixels).
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
type Png = { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
const load = createRequire(import.meta.url);
function decoder(): { jsQR: JsQr; PNG: Png } {
  try {
    return { jsQR: load('jsqr') as JsQr, PNG: (load('pngjs') as { PNG: Png }).PNG };
  } catch (error) {
    throw new Error(`QR decoding needs the devDependencies jsqr and pngjs (npm install -D jsqr pngjs): ${(error as Error).message}`);
  }
}

/** The first certificate of the print page, as an image of `dpi` dots per inch (CSS: 96 px per inch). */
async function rasterise(browser: Browser, openUrl: string, printUrl: string, dpi: number): Promise<Buffer> {
  const context = await browser.newContext({ deviceScaleFactor: dpi / 96, viewport: { width: 1000, height: 1300 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    await page.goto(openUrl);
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await page.goto(printUrl);
    await page.emulateMedia({ media: 'print' });
    const card = page.getByTestId('certificate-card').first();
    await expect(card.getByTestId('certificate-qr')).toBeVisible();
    return await card.screenshot({ animations: 'disabled' });
  } finally {
    await context.close();
  }
}

test('the printed certificate’s QR code decodes at 300 and 150 dpi to a payload qkl verify-cert finds genuine', async ({ browser, host, workspace }, testInfo) => {
  const sessionId = await centreWithRoster(workspace, '2026年第二期安全监督员培训', [zhang]);
  const bankFile = path.join(workspace.dir, '题库.xlsx');
  await writeBankXlsx(bankFile, [
    { no: 1, type: '判断', stem: '使用单位应当建立特种设备安全技术档案。', answer: '对', points: 50 },
    { no: 2, type: '单选', stem: '定期检验应当在检验有效期届满前多久提出申请？', options: ['一个月', '三个月'], answer: 'A', points: 50 },
  ]);
  const { examId } = JSON.parse(await cli(['exam', 'create', '--db', workspace.databaseFile, '--bank', bankFile, '--title', '2026年第二期考试', '--session', sessionId, '--json'])) as { examId: string };
  const sheets = path.join(workspace.dir, '答题卡.xlsx');
  await writeAnswersXlsx(sheets, [{ candidateNo: 'Q1', name: zhang.name, idNumber: zhang.idNumber, marks: ['对', 'A'] }], 2);
  await cli(['grade', '--db', workspace.databaseFile, '--exam', examId, '--answers', sheets, '--json']);
  await trainingCall(workspace, 'training.publishResults', { examId });
  const { issued } = await trainingCall<{ issued: Array<{ certificateNo: string; payload: string }> }>(workspace, 'training.issueCertificates', { examId });
  expect(issued).toHaveLength(1);
  expect(issued[0]!.payload).toMatch(/^QKL2:/);

  const { jsQR, PNG } = decoder();
  const printUrl = `${host.url}#/training-print?kind=certificates&exam=${examId}`;
  for (const dpi of [300, 150]) {
    const png = await rasterise(browser, host.openUrl, printUrl, dpi);
    await testInfo.attach(`certificate-${dpi}dpi.png`, { body: png, contentType: 'image/png' });
    const image = PNG.sync.read(png);
    // the card is about 182 mm wide: its image is that many millimetres at this resolution
    expect(image.width / (dpi / 25.4)).toBeGreaterThan(170);
    const decoded = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
    expect(decoded, `no QR code found at ${dpi} dpi`).not.toBeNull();
    expect(decoded!.data).toBe(issued[0]!.payload);
    const verdict = JSON.parse(await cli(['verify-cert', '--db', workspace.databaseFile, decoded!.data, '--json'])) as { status: string; certificateNo: string; holderName: string; issuerName: string };
    expect(verdict).toMatchObject({ status: 'genuine', certificateNo: issued[0]!.certificateNo, holderName: zhang.name, issuerName: '市局技术服务中心' });
  }
});
