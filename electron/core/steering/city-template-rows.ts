import { cityTemplates } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// The city library (the bureau's city_templates rows) as the write layer sees it.

export const cityTemplateRows = syncedRows(cityTemplates, {
  notFound: '该全市标准化样本不存在，请刷新后重试。',
  // another node's row is not in this bureau's library at all
  foreign: '该全市标准化样本不存在，请刷新后重试。',
});
