// The decisions taken on a reward after its proposal, kept as one JSON object in
// complaint_rewards.notes (a synced column of 0009): an adjusted amount's reason, a
// refusal's reason, when and how it was paid. Unknown or unreadable notes read as none.

export interface RewardNotes {
  adjustReason?: string | null;
  rejectReason?: string | null;
  paidOn?: string | null;
  paidNote?: string | null;
}

const keys = ['adjustReason', 'rejectReason', 'paidOn', 'paidNote'] as const;

export function readNotes(text: string | null): Required<RewardNotes> {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const str = (k: string) => (typeof parsed[k] === 'string' ? (parsed[k] as string) : null);
  return { adjustReason: str('adjustReason'), rejectReason: str('rejectReason'), paidOn: str('paidOn'), paidNote: str('paidNote') };
}

export function writeNotes(before: string | null, change: RewardNotes): string {
  const merged = { ...readNotes(before), ...change };
  return JSON.stringify(Object.fromEntries(keys.filter((k) => merged[k] !== null && merged[k] !== undefined).map((k) => [k, merged[k]])));
}
