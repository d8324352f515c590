import type { SummaryReview, SummaryStatus, SummaryStoredState, Timeliness } from '../../api/schemas/summaries.ts';
import { localDate } from '../registry/as-of.ts';

// A summary's status is the office's row and the bureau's answer together, as an
// acceptance file's state is: the office stores 草稿 / 已报送 / 已退回 (revising), the
// bureau's review rows answer one submission each (by its submitted_at). So a
// return that reaches the office turns its submitted summary into 已退回 without the
// bureau ever writing the office's row.
//
// On time or late (the rule): a summary is judged by its latest submission. At the
// bureau the submission counts from when it arrived there (the import of the bundle
// that carried it, on the bureau's clock: summary_receipts), never from the office
// PC's own clock; at the office, which cannot know that time, by its submitted_at.
// It is 按时 when that time, as a date in China time, is on or before the due date the
// summary was written under (due_on), and 逾期 otherwise. A resubmission after a return
// is judged by its own time: a summary first sent on the 20th, returned on the 26th
// and sent again on the 27th is 逾期, because the month had no acceptable summary by
// the 25th. Until submitted a month is 待报送 while the due date has not passed and
// 未报 after it (a returned one too).

export interface StatusRow {
  state: SummaryStoredState;
  submittedAt: string | null;
  receivedAt?: string | null;
  dueOn: string;
}

/** The time a submission is judged by: its arrival at the bureau where known, else the office's own stamp. */
export function judgedAt(row: StatusRow | null): string | null {
  return row?.receivedAt ?? row?.submittedAt ?? null;
}

/** The bureau's answer to the row's current submission, if any (the latest wins). */
export function answerOf(row: StatusRow | null, reviews: readonly SummaryReview[]): SummaryReview | null {
  if (!row?.submittedAt) return null;
  const answers = reviews.filter((r) => r.submittedAt === row.submittedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return answers[answers.length - 1] ?? null;
}

export function statusOf(row: StatusRow | null, reviews: readonly SummaryReview[]): SummaryStatus {
  if (!row) return 'not_started';
  if (row.state === 'draft') return 'draft';
  if (row.state === 'returned') return 'returned';
  const answer = answerOf(row, reviews);
  if (answer?.action === 'return') return 'returned';
  return answer?.action === 'receive' ? 'received' : 'submitted';
}

export function timelinessOf(status: SummaryStatus, submittedAt: string | null, dueOn: string, today: string): Timeliness {
  if ((status === 'submitted' || status === 'received') && submittedAt) return localDate(new Date(submittedAt)) <= dueOn ? 'on_time' : 'late';
  return today > dueOn ? 'missing' : 'pending';
}
