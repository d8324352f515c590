import type { sessionCalls } from '../../api/calls/session.ts';
import type { staffCalls } from '../../api/calls/staff.ts';
import type { formCalls } from '../../api/calls/forms.ts';
import { formLimits } from '../forms/form-limits.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { addStaff, listStaff, sessionOf, setOperator, updateStaff } from './staff-service.ts';

export const peopleHandlers: HandlerGroup<keyof typeof sessionCalls | keyof typeof staffCalls | keyof typeof formCalls> = {
  'session.get': (ctx) => sessionOf(ctx),
  'session.setOperator': setOperator,
  'staff.list': listStaff,
  'staff.add': addStaff,
  'staff.update': updateStaff,
  'forms.limits': (_ctx, input) => formLimits(input.call),
};
