import type { z } from 'zod';
import type { NodeRole } from './schemas/node.ts';

/** Which nodes may make a call; the dispatcher refuses the others before the handler runs. */
export interface CallAccess {
  roles: readonly NodeRole[];
  /** what a refused node is told; without it the dispatcher names the call's summary and who may make it */
  forbidden?: string;
}

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> extends CallAccess {
  input: I;
  output: O;
  /** one line for the CLI's `qkl calls` and for reviewers */
  summary: string;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string, access: CallAccess): CallSpec<I, O> => ({
  input,
  output,
  summary,
  ...access,
});

export const allRoles: readonly NodeRole[] = ['district', 'training', 'bureau'];

export const roleNames: Record<NodeRole, string> = { district: '分局', training: '培训中心', bureau: '市局' };

/** Every node may make the call (reads, its own settings, its own keys). */
export const anyNode: CallAccess = { roles: allRoles };

/** The city bureau's work: the others are told so, naming `what`. */
export const bureauOnly = (what: string): CallAccess => ({ roles: ['bureau'], forbidden: `${what}由市局办理；本机不是市局节点。` });

/** A district office's work: `forbidden` says who does it and that this node may only look. */
export const districtOnly = (forbidden: string): CallAccess => ({ roles: ['district'], forbidden });

/** Work of the district offices and the city bureau that the training centre has no part in. */
export const districtAndBureau = (what: string): CallAccess => ({ roles: ['district', 'bureau'], forbidden: `${what}由分局办理、市局查看；培训中心不涉及此项工作。` });

/** 培训考核 work: the training centre, or a district office for its own sessions; the bureau only reads and verifies. */
export const trainingWork = (what: string): CallAccess => ({
  roles: ['training', 'district'],
  forbidden: `${what}由培训中心（或分局为本局培训班）办理；市局只能查看和核验。`,
});

/** The refusal a node of `role` gets for a call it may not make. */
export function forbiddenMessage(spec: CallAccess & { summary: string }, role: NodeRole): string {
  if (spec.forbidden) return spec.forbidden;
  const who = spec.roles.map((r) => roleNames[r]).join('或');
  return `“${spec.summary}”由${who}办理；本机是${roleNames[role]}节点，不能办理。`;
}
