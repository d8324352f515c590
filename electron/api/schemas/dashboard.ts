import { z } from 'zod';
import { Id } from './common.ts';
import { HazardState } from './hazards.ts';
import { RiskDistribution } from './risk.ts';

// 概览 (issue 8, Dashboards): what needs this node's attention, across the mission
// areas, in one read. A district office sees its district; the bureau the whole city
// with one row per office; the training centre its exams.

const Count = z.number().int();

export const DashboardOffice = z.object({
  districtId: Id,
  districtName: z.string(),
  units: Count,
  equipmentInUse: Count,
  inspectionOverdue: Count,
  hazardsOpen: Count,
  hazardsOverdue: Count,
  blocks: Count,
  blocksWithProblems: Count,
  demoAccepted: Count,
});
export type DashboardOffice = z.infer<typeof DashboardOffice>;

export const Dashboard = z.object({
  asOf: z.string(),
  /** in-use pieces past (overdue) or near (due) their next periodic inspection, by equipment kind (电梯, 起重机械 …) */
  inspectionByKind: z.array(z.object({ kindCode: z.string().nullable(), kindName: z.string(), overdue: Count, due: Count })),
  hazards: z.object({ open: Count, overdue: Count, escalated: Count, byState: z.array(z.object({ state: HazardState, count: Count })) }),
  blocks: z.object({ active: Count, withProblems: Count, problems: z.array(z.object({ blockId: Id, name: z.string(), districtName: z.string(), problems: z.array(z.string()) })) }),
  /** special inspections: plans under way, visits recorded this month, 指令书 still owed and past their deadline */
  inspections: z.object({ plansActive: Count, recordsThisMonth: Count, ordersOpen: Count, ordersOverdue: Count }),
  /** complaints not yet 办结 (and those past the handling deadline); rewards proposed and waiting for approval */
  complaints: z.object({ open: Count, overdue: Count, rewardsProposed: Count }),
  /** demonstration-unit acceptance files by column of the board */
  acceptance: z.object({ candidates: Count, inReview: Count, accepted: Count, returned: Count, revoked: Count }),
  /** the latest exams with published results: pass rate of the candidates in scope */
  exams: z.array(z.object({ examId: Id, title: z.string(), examDate: z.string().nullable(), candidates: Count, passed: Count, passRate: z.number().nullable() })),
  /** 块的日常 and 链 (issue 19): activities of the blocks' 活动安排 past due without a record; 问题反馈 not yet 办结 */
  routine: z.object({ activitiesOverdue: Count, feedbackOpen: Count }),
  /** one row per district office (the bureau's table; a district office sees its own row) */
  offices: z.array(DashboardOffice),
  /** 风险分级 (issue 19): units by level now and by month; null on the training centre (no ledger) */
  risk: RiskDistribution.nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;
