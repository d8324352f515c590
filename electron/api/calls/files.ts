import { anyNode, call } from '../call-spec.ts';
import { StagedFile, StageFileInput } from '../schemas/files.ts';

export const fileCalls = {
  'files.stage': call(StageFileInput, StagedFile, '上传一个文件（供导入等使用）', anyNode),
} as const;
