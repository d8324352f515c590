import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../../electron/api/schemas/inspections.ts';

/**
 * Where the inspectors sign, one box per registered inspector with an enforcement card
 * (their 执法证号 printed), at least two: a second box stays blank to be filled by hand,
 * so a sheet never looks complete with one inspector (总局令第57号).
 */
export function InspectorSignatures({ team }: { team: readonly TeamMember[] }) {
  const { t } = useTranslation();
  const inspectors = team.filter((m) => m.kind === 'inspector' && m.enforcementNo);
  const boxes = [...inspectors, ...Array.from({ length: Math.max(0, 2 - inspectors.length) }, () => null)];
  return (
    <>
      {boxes.map((m, n) => (
        <div key={n} className="insp-sign-box" data-testid="inspector-signature">
          <span>{t('inspections.print.signInspector')}</span>
          <span>{t('inspections.print.enforcementNo', { no: m?.enforcementNo ?? '　　　　　　　　' })}</span>
          <span className="insp-sign-date">{t('inspections.print.date')}</span>
        </div>
      ))}
    </>
  );
}
