import type { PlanSummary } from '../../../../electron/api/schemas/inspections.ts';

/** What the core flagged but did not refuse (a team under two, a visit outside the period). */
export function Warnings({ warnings, testId }: { warnings: PlanSummary['warnings']; testId: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="notice insp-warn" data-testid={testId} role="status">
      {warnings.map((w) => (
        <li key={w.code}>{w.message}</li>
      ))}
    </ul>
  );
}
