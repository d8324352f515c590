import { equipment, safetyManagers } from '../../../db/schema/index.ts';
import { syncedRows, type RowTexts } from '../data/synced-rows.ts';

// The registry's two synced tables as the write layer sees them, with the words its
// grids have always used when a row cannot be changed.

const texts = (what: string): RowTexts => ({
  notFound: `${what}不存在或已被删除，请刷新列表`,
  foreign: `${what}由其他节点登记，只能由登记它的单位修改或删除`,
  conflict: `${what}已被修改（可能在另一窗口或由一次导入），请刷新后重新编辑`,
});

export const equipmentRows = syncedRows(equipment, texts('该设备'));
export const managerRows = syncedRows(safetyManagers, texts('该安全管理员'));
