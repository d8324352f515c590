import { useTranslation } from 'react-i18next';
import type { BlockProblem } from '../../../../electron/api/schemas/blocks.ts';
import { Badge } from '../../components/Badge.tsx';

/** A block's problems: red badges (amber for what is expected for now), each with its full message. */
export function ProblemBadges({ problems }: { problems: readonly BlockProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="block-problems" data-testid="block-problems">
      {problems.map((p) => (
        <li key={p.code} data-problem={p.code}>
          <Badge tone={p.severity === 'error' ? 'danger' : 'warn'} title={p.message}>
            {t(`blocks.problem.${p.code}`)}
          </Badge>
          <span className="block-problem-message">{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
