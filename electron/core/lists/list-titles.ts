import type { RegistrySettings } from '../../api/schemas/settings.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';

// The wording of the two lists' title rows. It follows the settings, so a changed
// threshold or exclusion is never printed under the old rule's title.

export const CITY_WIDE = '全市';

const statusLabels: Record<RegistrySettings['countedStatuses'][number], string> = {
  in_use: '在用',
  stopped: '停用',
  scrapped: '报废',
  cancelled: '注销',
};

/** 张家港市市场监督管理局塘桥分局; the bureau's own lists carry the bureau's name. */
export function authorityName(districtName: string): string {
  return districtName === CITY_WIDE ? '张家港市市场监督管理局' : `张家港市市场监督管理局${districtName}分局`;
}

/** 特种设备使用单位清单（在用 20 台及以上，不含气瓶） */
export function unitListTitle(settings: RegistrySettings): string {
  const statuses = settings.countedStatuses.map((s) => statusLabels[s]).join('、');
  const catalogue = loadCatalogue();
  const excluded = settings.excludedCodes.map((c) => catalogue.get(c)?.name ?? c);
  const exclusion = excluded.length > 0 ? `，不含${excluded.join('、')}` : '';
  return `特种设备使用单位清单（${statuses} ${settings.screeningThreshold} 台及以上${exclusion}）`;
}

export function managerListTitle(): string {
  return '特种设备安全管理员清单（持 A 证且在有效期内）';
}
