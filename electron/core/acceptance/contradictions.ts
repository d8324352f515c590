import type { AcceptanceItem, Contradiction, PrefillOutcome } from '../../api/schemas/acceptance.ts';

// An office's result that goes against the system's own finding: the system found a
// problem (不符合, e.g. 52 台在用设备超期未检) and the office marked the item 符合 or
// 不适用, which hides it. Such a result needs a written reason; the file, the printed
// record and the bureau show the finding and the reason side by side, and the bureau
// confirms every one on a veto item before it passes the file.

type Result = 'pass' | 'fail' | 'na' | null;

/** Whether this result hides the problem the system found. */
export function goesAgainst(result: Result, finding: PrefillOutcome | null | undefined): boolean {
  return finding?.outcome === 'fail' && (result === 'pass' || result === 'na');
}

/**
 * The contradiction shown on an item. The system's finding as it reads now comes
 * first; when it cannot tell now (no data on this node), the finding the office
 * answered when it saved is kept. A finding that now agrees with the office is none.
 */
export function contradictionOf(
  result: Result,
  live: PrefillOutcome | null,
  stored: { systemFinding: string | null; contradictionReason: string | null },
): { finding: string; reason: string | null } | null {
  if (result !== 'pass' && result !== 'na') return null;
  if (goesAgainst(result, live)) return { finding: live!.summary, reason: stored.contradictionReason };
  if (stored.systemFinding && (!live || live.outcome === 'unknown')) return { finding: stored.systemFinding, reason: stored.contradictionReason };
  return null;
}

/** Every contradiction of a file, veto items first, in checklist order. */
export function contradictionsOf(items: readonly AcceptanceItem[]): Contradiction[] {
  const all = items.flatMap((i) =>
    i.contradiction && i.result ? [{ code: i.code, title: i.title, veto: i.veto, result: i.result, finding: i.contradiction.finding, reason: i.contradiction.reason }] : [],
  );
  return [...all.filter((c) => c.veto), ...all.filter((c) => !c.veto)];
}

const resultWords = { pass: '符合', fail: '不符合', na: '不适用' } as const;

/** One line per contradiction, for refusals and the audit log. */
export function describe(c: Contradiction): string {
  return `${c.code} ${c.title}（系统核对：${c.finding}；分局结论：${resultWords[c.result]}；理由：${c.reason ?? '未说明'}）`;
}
