/** Problems an import found, each line naming its Excel row (and candidate or question) so the office can fix the file. */
export function IssueList({ title, lines, tone, testId }: { title: string; lines: string[]; tone: 'error' | 'warn'; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <section className={`notice ${tone === 'error' ? 'notice-error' : 'notice-warn'}`} data-testid={testId} aria-label={title}>
      <strong>
        {title}（{lines.length}）
      </strong>
      <ul className="training-issues">
        {lines.map((line, n) => (
          <li key={n}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
