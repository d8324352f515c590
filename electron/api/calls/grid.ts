import { anyNode, call } from '../call-spec.ts';
import { FileOutput } from '../schemas/files.ts';
import { GridExportInput } from '../schemas/registry.ts';

export const gridCalls = {
  'grid.export': call(GridExportInput, FileOutput, '按当前筛选、排序和列导出表格为 xlsx', anyNode),
} as const;
