import { anyNode, call } from '../call-spec.ts';
import { FileOutput } from '../schemas/files.ts';
import { TwoLists } from '../schemas/lists.ts';
import { AsOfInput } from '../schemas/registry.ts';

export const listCalls = {
  'lists.get': call(AsOfInput, TwoLists, '两项清单', anyNode),
  'lists.exportXlsx': call(AsOfInput, FileOutput, '两项清单导出为 xlsx（两个工作表）', anyNode),
} as const;
