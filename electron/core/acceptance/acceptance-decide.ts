import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { AcceptanceDetail, Contradiction } from '../../api/schemas/acceptance.ts';
import type { CoreContext } from '../context.ts';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { acceptanceDecisions as d } from '../../../db/schema/index.ts';
import { sql, value } from '../data/query.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { requireIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { refreshCityTemplates } from '../steering/city-templates.ts';
import { getAcceptanceSettings } from './acceptance-settings.ts';
import { decisionsOf, getDetail, loadFileRow } from './acceptance-read.ts';
import { decisionRows } from './acceptance-rows.ts';
import { checklistItems, loadChecklist } from './checklist.ts';
import { describe } from './contradictions.ts';
import { formatPlaqueNo } from './plaque.ts';
import { effectiveState, nextState, transitions } from './state.ts';

/** The next free plaque number of the year from the pattern (a number already used by this bureau is skipped). */
function nextPlaqueNo(ctx: CoreContext, bureauId: string, pattern: string, year: number): string {
  const used = new Set(
    ctx.database.db
      .select({ p: d.plaqueNo })
      .from(d)
      .where(and(eq(d.originNode, bureauId), isNotNull(d.plaqueNo), isNull(d.deletedAt)))
      .all()
      .map((r) => r.p),
  );
  const ofYear =
    value(
      ctx.database.sqlite,
      sql<number>`SELECT count(DISTINCT ${d.plaqueNo}) AS n FROM ${d} WHERE ${d.originNode} = ${bureauId} AND ${d.plaqueNo} IS NOT NULL AND substr(${d.decidedOn}, 1, 4) = ${String(year)} AND ${d.deletedAt} IS NULL`,
    ) ?? 0;
  let seq = ofYear + 1;
  let candidate = formatPlaqueNo(pattern, year, seq);
  while (used.has(candidate)) candidate = formatPlaqueNo(pattern, year, ++seq);
  return candidate;
}

/**
 * A pass over veto items marked 符合 (or 不适用) against the system's own finding: the
 * bureau sees every one and confirms, with a comment saying what it checked. Returns
 * the contradictions confirmed, kept on the decision.
 */
function confirmedContradictions(detail: AcceptanceDetail, input: ParsedInput<'acceptance.decide'>): Contradiction[] {
  const veto = detail.contradictions.filter((c) => c.veto);
  if (veto.length === 0) return [];
  if (!input.confirmContradictions || !input.comments) {
    throw new AppError(
      'VALIDATION',
      `以下一票否决项的分局结论与系统核对结果不一致：${veto.map(describe).join('；')}。请逐项核实，勾选“已逐项核实上述不一致”并在意见中写明核实情况后再验收通过。`,
      { field: input.confirmContradictions ? 'comments' : 'confirmContradictions', contradictions: veto.map((c) => c.code) },
    );
  }
  return veto;
}

/**
 * The city bureau's decision on a file in 市局验收 (or a revocation of a passed one):
 * a row the bureau owns, never a change to the office's rows. It reaches the office
 * in the bureau's next bundle to that office.
 */
export function decide(ctx: CoreContext, input: ParsedInput<'acceptance.decide'>): AcceptanceDetail {
  const identity = requireIdentity(ctx);
  const w = beginWrite(ctx, identity, 'acceptance.decide');
  inTransaction(w, () => {
    const file = loadFileRow(ctx, input.fileId);
    const decisions = decisionsOf(ctx, [file.id]).get(file.id) ?? [];
    const from = effectiveState(file.state, file.round, decisions);
    const next = nextState(from, input.outcome, 'bureau');
    if (!next.ok) throw new AppError('CONFLICT', next.reason);
    const template = checklistItems(loadChecklist(file.checklistVersion));
    if (input.outcome === 'return') {
      if (input.returnedItems.length === 0 && !input.comments) throw new AppError('VALIDATION', '退回整改时请写明意见，或逐项写明退回理由', { field: 'returnedItems' });
      const unknown = input.returnedItems.find((r) => !template.has(r.code));
      if (unknown) throw new AppError('VALIDATION', `检查表中没有第 ${unknown.code} 项`, { field: 'returnedItems' });
    }
    if (input.outcome === 'revoke' && !input.comments) throw new AppError('VALIDATION', '撤销示范单位时请写明理由', { field: 'comments' });
    const acknowledged = input.outcome === 'pass' ? confirmedContradictions(getDetail(ctx, file.id), input) : [];
    const decidedOn = input.decidedOn ?? localDate(ctx.now());
    let plaqueNo: string | null = null;
    if (input.outcome === 'pass') {
      // a file passed before (复查) keeps its plaque
      const earlier = [...decisions].reverse().find((d) => d.outcome === 'pass' && d.plaqueNo);
      plaqueNo = input.plaqueNo ?? earlier?.plaqueNo ?? nextPlaqueNo(ctx, identity.id, getAcceptanceSettings(ctx).plaquePattern, Number(decidedOn.slice(0, 4)));
      const clash = ctx.database.db
        .select({ fileId: d.fileId })
        .from(d)
        .where(and(eq(d.originNode, identity.id), eq(d.plaqueNo, plaqueNo), isNull(d.deletedAt)))
        .get();
      if (clash && clash.fileId !== file.id) throw new AppError('DUPLICATE', `牌匾编号“${plaqueNo}”已发给其他单位，请换一个编号`, { field: 'plaqueNo' });
    }
    decisionRows.insert(
      w,
      {
        fileId: file.id,
        officeNode: file.originNode,
        round: file.round,
        outcome: input.outcome,
        comments: input.comments,
        returnedItems: JSON.stringify(input.returnedItems),
        plaqueNo,
        acknowledgedItems: acknowledged.length > 0 ? JSON.stringify(acknowledged) : null,
        decidedOn,
        decidedBy: ctx.actor,
      },
      {
        audit: {
          after: { fileId: file.id, unitName: file.unitName, round: file.round, outcome: input.outcome, label: transitions[input.outcome].label, plaqueNo, returnedItems: input.returnedItems, comments: input.comments,
            ...(acknowledged.length > 0 ? { acknowledged: acknowledged.map(describe) } : {}) },
        },
      },
    );
    // a pass publishes the unit's templates city-wide, a revocation takes them out
    refreshCityTemplates(ctx);
  });
  return getDetail(ctx, input.fileId);
}
