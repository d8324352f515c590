import { expect, type Page } from '@playwright/test';

/** The left navigation's entries (a node sees those of its role). */
export type AreaName =
  | '概览'
  | '使用单位'
  | '特种设备'
  | '安全管理员'
  | '两项清单'
  | '台账导入'
  | '安全管理小组（块）'
  | '工作联系（链）'
  | '示范单位验收'
  | '培训考核'
  | '隐患闭环'
  | '专项检查'
  | '投诉举报'
  | '月度工作小结'
  | '风险分级管控'
  | '宣传与进企业培训'
  | '数据包交换'
  | '全市概况'
  | '推进与考核'
  | '设置'
  | '密钥与信任'
  | '审计日志';

/** Goes to an area through the left navigation, as a user does. */
export async function openArea(page: Page, name: AreaName): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();
}

/** Goes to an area and waits for its page title (areas whose title is their name). */
export async function gotoArea(page: Page, name: AreaName): Promise<void> {
  await openArea(page, name);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** 1,234 → 1234 */
export function toNumber(text: string | null): number {
  const match = /[\d,]+/.exec(text ?? '');
  if (!match) throw new Error(`no number in “${text}”`);
  return Number(match[0].replace(/,/g, ''));
}
