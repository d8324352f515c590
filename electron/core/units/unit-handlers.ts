import type { unitCalls } from '../../api/calls/units.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { queryUnits } from './unit-query.ts';
import { createUnit, deleteUnit, getUnit, updateUnit } from './unit-service.ts';

export const unitHandlers: HandlerGroup<keyof typeof unitCalls> = {
  'units.query': queryUnits,
  'units.get': (ctx, input) => getUnit(ctx, input.id),
  'units.create': createUnit,
  'units.update': updateUnit,
  'units.delete': deleteUnit,
};
