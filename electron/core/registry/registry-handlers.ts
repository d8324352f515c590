import type { registryCalls } from '../../api/calls/registry.ts';
import { AppError } from '../../api/errors.ts';
import type { HandlerGroup } from '../handler-types.ts';

// Being built (issue 3): replaced by the registry and two-lists services.
const notYet = (): never => {
  throw new AppError('INTERNAL', '台账查询功能尚在开发中');
};

export const registryHandlers: HandlerGroup<keyof typeof registryCalls> = {
  'equipment.query': notYet,
  'managers.query': notYet,
  'registry.summary': notYet,
  'grid.export': notYet,
  'lists.get': notYet,
  'lists.exportXlsx': notYet,
  'settings.get': notYet,
  'settings.update': notYet,
};
