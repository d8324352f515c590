import { useTranslation } from 'react-i18next';
import type { Contradiction } from '../../../../electron/api/schemas/acceptance.ts';

/** Items whose result goes against the system's finding: the finding, the office's result and its reason, side by side. */
export function ContradictionList({ title, items }: { title: string; items: readonly Contradiction[] }) {
  const { t } = useTranslation();
  return (
    <div className="acc-contradictions" role="group" aria-label={title}>
      <div className="acc-small">
        <strong>{title}</strong>
      </div>
      <ul>
        {items.map((c) => (
          <li key={c.code} data-testid={`contradiction-${c.code}`}>
            <strong>
              {c.code} {c.title}
            </strong>
            {c.veto ? `（${t('acceptance.file.veto')}）` : ''}：{t('acceptance.decide.finding')}：{c.finding}；{t('acceptance.decide.officeResult')}：
            {t(`acceptance.result.${c.result}`)}；{t('acceptance.decide.officeReason')}：{c.reason ?? t('acceptance.file.noReason')}
          </li>
        ))}
      </ul>
    </div>
  );
}
