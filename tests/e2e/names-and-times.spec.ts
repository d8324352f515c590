import { comparePinyin } from '../../electron/core/pinyin.ts';
import { cli, expect, test, type Workspace } from './fixtures.ts';
import { Grid } from './pages/grid.ts';

// Names sort by pinyin in the grids (in SQLite, by name_sort), the units grid sorts by its
// counts, times show in Beijing time on a PC set to UTC, and a complaint finds the hazard it
// led to by the hazard's number or unit, never by an internal id.

async function call<T>(workspace: Workspace, name: string, input: unknown): Promise<T> {
  return JSON.parse(await cli(['call', name, '--db', workspace.databaseFile, '--input', JSON.stringify(input), '--json'])) as T;
}

/** What a clerk in Zhangjiagang reads for an instant: 2026-12-07 13:05, whatever the PC's zone. */
function beijing(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

const utcMinute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

test.describe('names by pinyin', () => {
  test.use({ sample: { units: 12, seed: 8 } });

  test('the units grid sorts names by pinyin and units by their 检验超期 count', async ({ app, workspace }) => {
    // 阿 (a) is after every 张 (U+5F20) by code point, first by pinyin
    await call(workspace, 'units.create', { districtId: 'seed-district-03', name: '阿里物流（张家港）有限公司', uscc: '91330100716105852F' });
    const names = [...workspace.sample!.units.map((u) => u.name), '阿里物流（张家港）有限公司'];
    const pinyin = [...names].sort((a, b) => comparePinyin(a, b));
    const codePoint = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(pinyin).not.toEqual(codePoint);

    await app.getByRole('navigation').getByRole('link', { name: '使用单位' }).click();
    const grid = new Grid(app, app.locator('.grid-host'));
    await expect(app.getByTestId('units-total')).toHaveText(`共 ${names.length} 家`);
    await grid.header('name').click();
    await expect(grid.header('name')).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => grid.texts('name')).toEqual(pinyin);
    await grid.header('name').click();
    await expect.poll(() => grid.texts('name')).toEqual([...pinyin].reverse());

    // 检验超期: a count the core computes, sorted in SQLite; most overdue first on the second click
    await grid.header('overdueCount').click();
    await expect(grid.header('overdueCount')).toHaveAttribute('aria-sort', 'ascending');
    await grid.header('overdueCount').click();
    await expect(grid.header('overdueCount')).toHaveAttribute('aria-sort', 'descending');
    const counts = async () => (await grid.texts('overdueCount')).map(Number);
    await expect.poll(async () => (await counts()).length).toBe(names.length);
    const shown = await counts();
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(shown[0]).toBeGreaterThan(0);
    // 安全管理员 sorts too
    await grid.header('managerCount').click();
    await expect(grid.header('managerCount')).toHaveAttribute('aria-sort', 'ascending');
  });
});

test.describe('Beijing time and the hazard number', () => {
  // the PC's clock is set to UTC: the app must still show Beijing time
  test.use({ sample: { units: 3, seed: 7 }, timezoneId: 'UTC' });

  test('the hazard log shows Beijing time on a PC set to UTC; a complaint links the hazard found by its number', async ({ app, workspace }) => {
    expect(await app.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    const unit = workspace.sample!.units[1]!;
    const unitId = (await call<{ rows: { id: string; name: string }[] }>(workspace, 'units.query', { search: unit.uscc, startRow: 0, endRow: 1 })).rows[0]!.id;
    const today = beijing(new Date().toISOString()).slice(0, 10);
    const hazard = await call<{ id: string; number: string; events: { at: string }[] }>(workspace, 'hazards.create', {
      unitId,
      description: '叉车制动失灵仍在使用',
      level: 'general',
      foundBy: '陈志华',
      foundOn: today,
    });
    expect(hazard.number).toBe(`${today.slice(0, 4)}-0001`);
    const at = hazard.events[0]!.at;
    expect(beijing(at)).not.toBe(utcMinute(at));

    await app.goto(`${app.url().split('#')[0]}#/hazards?id=${hazard.id}`);
    const detail = app.getByTestId('hazard-detail');
    await expect(detail.getByRole('heading', { name: `隐患编号 ${hazard.number}` })).toBeVisible();
    const log = app.getByTestId('hazard-history');
    await expect(log).toContainText(beijing(at));
    await expect(log).not.toContainText(utcMinute(at));
    // the list shows the number people quote
    await app.goto(`${app.url().split('#')[0]}#/hazards`);
    await expect(app.getByTestId('hazard-list').locator('tbody tr').first()).toContainText(hazard.number);

    // a complaint about the unit, handled: the hazard is found by its serial, then by the unit
    const complaint = await call<{ id: string }>(workspace, 'complaints.create', { receivedOn: today, channel: '12345', anonymous: true, content: '叉车刹车不灵', unitId });
    await app.goto(`${app.url().split('#')[0]}#/complaints?id=${complaint.id}`);
    await app.getByRole('button', { name: '记录处理情况' }).click();
    const dialog = app.getByRole('dialog', { name: '记录处理情况' });
    await dialog.getByLabel('处理情况').fill('已现场核查，责令停用叉车');
    const picker = dialog.getByTestId('hazard-picker');
    await expect(picker.getByRole('textbox')).toHaveCount(0); // a search box, not an id to paste
    const search = picker.getByRole('searchbox', { name: '查找隐患：编号、使用单位、描述' });
    const select = dialog.getByLabel('关联隐患（可选）');
    const label = `${hazard.number}　${unit.name}：叉车制动失灵仍在使用（${today}）`;
    await search.fill('1');
    await expect(select.locator('option', { hasText: hazard.number })).toHaveCount(1);
    await search.fill('不存在的单位');
    await expect(select.locator('option')).toHaveText(['没有找到隐患']);
    await search.fill(unit.name.slice(0, 6));
    await select.selectOption({ label });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const linked = app.getByTestId('linked-hazard');
    await expect(linked).toHaveText(label);
    await expect(linked).toHaveAttribute('href', `#/hazards?id=${hazard.id}`);
    await expect(app.getByTestId('complaint-view')).not.toContainText(hazard.id);
  });
});
