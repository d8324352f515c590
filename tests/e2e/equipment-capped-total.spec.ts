import { expect, test } from './fixtures.ts';
import { EquipmentPage } from './pages/equipment-page.ts';

// More pieces than the grid counts (GRID_TOTAL_CAP, 10,000): a district of ~650 units.
test.use({ sample: { units: 650, seed: 11 } });

interface QueryPage {
  total: number;
  totalCapped: boolean;
  rows: { id: string; equipmentCode: string | null }[];
}

test('a search matching more than 10000 pieces says 超过 10000 台, and scrolling on reaches the real last row', async ({ app }) => {
  test.setTimeout(240_000);
  const equipment = new EquipmentPage(app);
  await equipment.goto();
  expect(await equipment.totalCount()).toBeGreaterThan(10_000);

  // two characters every unit's name holds: counted by a pass, stopped at the cap
  const search = '张家';
  const exact = (await app.evaluate(async (input) => {
    const result = await window.qkl!['equipment.query'](input);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }, { search, startRow: 0, endRow: 1 })) as QueryPage;
  expect(exact.totalCapped).toBe(false);
  expect(exact.total).toBeGreaterThan(10_000);
  const last = (await app.evaluate(async (input) => {
    const result = await window.qkl!['equipment.query'](input);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }, { search, startRow: exact.total - 1, endRow: exact.total })) as QueryPage;

  await equipment.toolbar.getByRole('searchbox').fill(search);
  await expect(equipment.total).toHaveText('超过 10000 台，请缩小搜索范围');
  await expect(equipment.grid.rows.first()).toBeVisible();

  // the grid does not know the last row yet; kept at the bottom it loads the next block each
  // time one arrives, until the block holding the last row brings the exact count
  const viewport = equipment.grid.root.locator('.ag-grid-viewport').first();
  const seen = await viewport.evaluate(async (el, expected) => {
    const total = document.querySelector('[data-testid="equipment-total"]');
    const deadline = Date.now() + 180_000;
    const texts = new Set<string>();
    while (total?.textContent !== expected && Date.now() < deadline) {
      texts.add(total?.textContent ?? '');
      el.scrollTop = el.scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    el.scrollTop = el.scrollHeight;
    return [...texts];
  }, `共 ${exact.total} 台`);
  await expect(equipment.total).toHaveText(`共 ${exact.total} 台`);
  // on the way: the count went on past the cap, a lower bound each time, never a wrong exact figure
  expect(seen).toContain('超过 10000 台，请缩小搜索范围');
  for (const text of seen) expect(text).toMatch(/^超过 \d+ 台，请缩小搜索范围$/);
  const lastRow = equipment.grid.row(exact.total - 1);
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toHaveAttribute('row-id', last.rows[0]!.id);
  // and nothing after it
  await expect(equipment.grid.row(exact.total)).toHaveCount(0);
});
