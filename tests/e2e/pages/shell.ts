import type { Page } from '@playwright/test';

/** Goes to an area through the left navigation, as a user does. */
export async function openArea(page: Page, name: '概览' | '使用单位' | '特种设备' | '安全管理员' | '两项清单' | '台账导入' | '设置'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

/** 1,234 → 1234 */
export function toNumber(text: string | null): number {
  const match = /[\d,]+/.exec(text ?? '');
  if (!match) throw new Error(`no number in “${text}”`);
  return Number(match[0].replace(/,/g, ''));
}
