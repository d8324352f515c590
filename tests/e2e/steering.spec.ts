import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { BundlesPage } from './pages/bundles-page.ts';
import { SteeringPage } from './pages/steering-page.ts';
import { startHost, type Host } from './support/two-nodes.ts';
import { cellText, readDownload, rowTexts } from './xlsx.ts';
import { runTool } from './support/tools.ts';

// The city bureau steers, end to end: 塘桥分局 and 锦丰分局 (prepared by
// support/steering-setup.ts, their bundles written to a folder) are enrolled but silent;
// the bureau imports both bundles through 数据包交换, and 推进与考核 shows them 已报送
// among 14 districts 未启用. It sets 塘桥's pilot unit and supervisors target, reads the
// month's assessment, opens the evidence of two scores, exports the assessment table,
// and saves a new version of the rules.

const BUREAU_PASSPHRASE = 'city-bureau-steering';

interface Setup {
  month: string;
  today: string;
  folder: string;
  files: string[];
  pilotUnit: string;
}

test.use({ initialised: false });

test('the bureau imports two offices’ bundles, sets targets, and reads and exports the month’s assessment with its evidence', async ({ page, workspace }) => {
  test.setTimeout(240_000);
  const db = (name: string) => path.join(workspace.dir, `${name}.sqlite`);
  const { stdout } = await runTool('steering-setup', ['--bureau', db('bureau'), '--tangqiao', db('tangqiao'), '--jinfeng', db('jinfeng'), '--out', workspace.dir], {
    timeout: 120_000,
  });
  const setup = JSON.parse(stdout) as Setup;
  const host: Host = await startHost(db('bureau'));
  try {
    const steering = new SteeringPage(page);
    await page.goto(host.openUrl);
    await steering.goto();
    // enrolled but nothing received yet; the other districts never enrolled
    await expect(steering.boardSummary).toContainText('全市 16 个分局：已启用 2 个，已报送 0 个');
    await expect(steering.boardCell('塘桥', 'office')).toContainText('未报送');
    await expect(steering.boardCell('东城', 'office')).toContainText('未启用');

    // ---- both offices' bundles through 数据包交换
    const bundles = new BundlesPage(page);
    await bundles.goto();
    await bundles.chooseBundles((await readdir(setup.folder)).filter((name) => name.endsWith('.qklb')).map((name) => path.join(setup.folder, name)));
    await expect(bundles.scannedFiles()).toHaveCount(2);
    await bundles.importChosen();
    await bundles.answerPassphrase(BUREAU_PASSPHRASE);
    await expect(page.getByTestId('bundle-results-summary')).toHaveText('导入完成：已导入 2 个，已导入过 0 个，拒收 0 个', { timeout: 60_000 });

    // ---- the rollout board
    await steering.goto();
    await expect(steering.boardSummary).toContainText('全市 16 个分局：已启用 2 个，已报送 2 个');
    await expect(steering.boardCell('塘桥', 'office')).toContainText(`已报送最近导入 ${setup.today}`);
    await expect(steering.boardCell('锦丰', 'office')).toContainText('已报送');
    await expect(steering.board.locator('[data-col="office"]').filter({ hasText: '未启用' })).toHaveCount(14);
    await expect(steering.boardCell('塘桥', 'supervisors')).toHaveText('2 / 10');

    const dialog = await steering.openTargets('塘桥');
    await dialog.getByLabel('试点单位').selectOption({ label: `${setup.pilotUnit}（在用 12 台）` });
    await dialog.getByLabel('推广单位数（家）').fill('12');
    await dialog.getByLabel('安全监督员目标（人）').fill('4');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('推广单位数应为 5–10 家')).toBeVisible();
    await dialog.getByLabel('推广单位数（家）').fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已保存塘桥的推进目标' })).toBeVisible();
    await expect(steering.boardCell('塘桥', 'pilot')).toContainText(`${setup.pilotUnit} 未建档`);
    await expect(steering.boardCell('塘桥', 'rollout')).toHaveText('0 / 5');
    await expect(steering.boardCell('塘桥', 'supervisors')).toHaveText('2 / 4');

    // ---- the month's assessment
    const monthLabel = `${setup.month.slice(0, 4)}年${Number(setup.month.slice(5))}月`;
    await steering.openAssessment(`${monthLabel}考核（数据截至 ${setup.today}，规则第 1 版）`);
    const tq = steering.scoreRow('塘桥');
    await expect(steering.score('塘桥', 'summary_on_time')).toHaveText('20.0');
    await expect(steering.score('塘桥', 'inspection_overdue')).toHaveText('10.0');
    await expect(steering.score('塘桥', 'hazards_on_time')).toHaveText('20.0');
    await expect(steering.score('塘桥', 'demo_units')).toHaveText('0.0');
    await expect(steering.score('塘桥', 'supervisors')).toHaveText('7.5');
    await expect(steering.score('塘桥', 'mutual_checks')).toHaveText('不计');
    await expect(steering.column('塘桥', 'total')).toHaveText('57.5');
    await expect(steering.column('塘桥', 'normalized')).toHaveText('63.9');
    await expect(tq.locator('td').first()).toHaveText('1');
    const jf = steering.scoreRow('锦丰');
    await expect(steering.score('锦丰', 'summary_on_time')).toHaveText('不计');
    await expect(steering.column('锦丰', 'total')).toHaveText('20.0');
    await expect(jf.locator('td').first()).toHaveText('2');
    await expect(steering.scoreRow('东城')).toContainText('未启用');

    // each score opens the facts behind it
    let evidence = await steering.openEvidence('塘桥', 'hazards_on_time', `塘桥 · ${monthLabel} · 隐患按期整改率`);
    await expect(evidence).toContainText('按期闭环 1 项，到期 1 项（100.0%）');
    const hazardRow = evidence.locator('tbody tr').filter({ hasText: '曳引机制动器闸瓦磨损' });
    await expect(hazardRow).toContainText('按期闭环');
    await expect(hazardRow.getByRole('link', { name: '打开' })).toHaveAttribute('href', /^#\/hazards\?id=/);
    await expect(evidence.locator('tbody tr')).toHaveCount(1);
    await evidence.getByRole('button', { name: '关闭' }).click();
    evidence = await steering.openEvidence('塘桥', 'inspection_overdue', `塘桥 · ${monthLabel} · 设备检验超期率`);
    await expect(evidence.locator('tbody tr')).toHaveCount(1);
    await expect(evidence.locator('tbody tr')).toContainText('31103205820000000001电梯张家港市塘桥精密机械有限公司');
    await evidence.getByRole('button', { name: '关闭' }).click();

    // ---- the official table in Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`考核表-${setup.month}.xlsx`);
    const sheet = (await readDownload(download)).getWorksheet('考核表')!;
    expect(cellText(sheet.getCell(1, 1))).toBe('张家港市市场监督管理局特种设备“区、块、链”监管工作考核表');
    expect(cellText(sheet.getCell(2, 1))).toContain(`考核单位：市局特设科`);
    expect(cellText(sheet.getCell(2, 1))).toContain(`考核月份：${monthLabel}`);
    expect(rowTexts(sheet, 6).slice(0, 12)).toEqual(['3', '塘桥', '20', '10', '20', '0', '7.5', '不计', '57.5', '90', '63.9', '1']);
    expect(cellText(sheet.getCell(sheet.rowCount, 1))).toMatch(/^考核人：.*审核人：.*（盖章）/);

    // ---- a new version of the rules: weights must add up to 100
    await steering.openRules('当前施行：第 1 版（程序默认）');
    await page.getByLabel('启用：块内互查开展').uncheck();
    await expect(page.getByTestId('steering-rules-sum')).toHaveText('启用指标权重合计：90');
    await steering.saveRules();
    await expect(page.getByRole('alert')).toContainText('启用的指标权重合计应为 100，现为 90');
    await page.getByLabel('权重（分）：月度工作小结按时报送').fill('30');
    await steering.saveRules();
    await expect(page.getByRole('status').filter({ hasText: `已保存第 2 版考核规则，自 ${monthLabel} 起施行` })).toBeVisible();
    await steering.openAssessment(`${monthLabel}考核（数据截至 ${setup.today}，规则第 2 版）`);
    // 30 + 10 + 20 + 0 + 7.5 of 90 (the mutual checks no longer count)
    await expect(steering.column('塘桥', 'total')).toHaveText('67.5');
  } finally {
    await host.stop();
  }
});
