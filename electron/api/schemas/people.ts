import { z } from 'zod';
import { Id } from './common.ts';

// 经办人: the people who work at this desk and the one working now. Every write
// records the current 经办人's name (audit log, 经办记录, decided_by …).

export const StaffName = z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字符');
export const StaffTitle = z.string().trim().min(1, '请填写职务（如科长、监察员、办事员）').max(20, '职务不能超过 20 个字符');

export const Staff = z.object({
  id: Id,
  name: z.string(),
  title: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Staff = z.infer<typeof Staff>;

export const StaffListInput = z.object({ includeInactive: z.boolean().default(false).meta({ label: '含已停用' }) });
export const StaffAddInput = z.object({ name: StaffName.meta({ label: '姓名' }), title: StaffTitle.meta({ label: '职务' }) });
export const StaffUpdateInput = z.object({
  id: Id.meta({ label: '编号' }),
  /** the version the user saw */
  version: z.number().int().meta({ label: '版本' }),
  name: StaffName.optional().meta({ label: '姓名' }),
  title: StaffTitle.optional().meta({ label: '职务' }),
  active: z.boolean().optional().meta({ label: '在职' }),
});

/** The 经办人 of this session: a person of the staff list, or (command line) a name given with --operator. */
export const Operator = z.object({ staffId: Id.nullable(), name: z.string(), title: z.string().nullable() });
export type Operator = z.infer<typeof Operator>;

export const Session = z.object({
  /** null until someone is chosen (desktop and browser hosts ask at start) */
  operator: Operator.nullable(),
  /** active people on the staff list: none means the first one must be added */
  activeStaff: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const SetOperatorInput = z.object({ staffId: Id.meta({ label: '经办人' }) });

/** What a form shows beside a field: its limits, read from the call's own input schema. */
export const FieldLimit = z.object({
  /** most characters of a text */
  maxLength: z.number().int().optional(),
  /** fewest characters of a required text */
  minLength: z.number().int().optional(),
  /** smallest and largest number */
  min: z.number().optional(),
  max: z.number().optional(),
});
export type FieldLimit = z.infer<typeof FieldLimit>;
export const FormLimitsInput = z.object({ call: z.string().min(1).max(80).meta({ label: '操作名称' }) });
/** by field path as the call's input names it: "content", "reporter.phone" */
export const FormLimits = z.record(z.string(), FieldLimit);
export type FormLimits = z.infer<typeof FormLimits>;
