import { useTranslation } from 'react-i18next';
import type { GradeProblemGroup } from '../../../../electron/api/schemas/training.ts';

/**
 * The problems of a grading run by kind with counts, roster problems first (the core
 * orders them): one line per kind, its Excel-row messages folded under it, so 137
 * sheets with the same invalid option read as one line, not 137.
 */
export function GradeProblems({ groups }: { groups: GradeProblemGroup[] }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  const errors = groups.some((g) => g.severity === 'error');
  return (
    <section className={`notice ${errors ? 'notice-error' : 'notice-warn'}`} data-testid="grade-problems" aria-label={t('training.exam.problems')}>
      <strong>{t('training.exam.problems')}</strong>
      <ul className="grade-problems">
        {groups.map((g) => (
          <li key={`${g.code}:${g.detail ?? ''}`} data-code={g.code} data-severity={g.severity}>
            <details>
              <summary>
                <span className={`badge ${g.severity === 'error' ? 'badge-danger' : 'badge-warn'}`}>{t(`training.exam.severity.${g.severity}`)}</span> {g.label}
              </summary>
              <ul className="training-issues">
                {g.messages.map((m, n) => (
                  <li key={n}>{m}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
