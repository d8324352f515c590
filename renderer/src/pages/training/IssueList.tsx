import { useTranslation } from 'react-i18next';

export interface RowProblem {
  row: number;
  message: string;
  /** the candidate or question the row is about */
  who?: string | null;
}

/** Problems an import found, each with its Excel row (and candidate or question) so the office can fix the file. */
export function IssueList({ title, issues, tone, testId }: { title: string; issues: RowProblem[]; tone: 'error' | 'warn'; testId: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <section className={`notice ${tone === 'error' ? 'notice-error' : 'notice-warn'}`} data-testid={testId} aria-label={title}>
      <strong>
        {title}（{issues.length}）
      </strong>
      <ul className="training-issues">
        {issues.map((i, n) => (
          <li key={`${i.row}-${n}`}>
            {t('training.issue.row', { row: i.row })}
            {i.who ? `（${i.who}）` : ''}：{i.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
