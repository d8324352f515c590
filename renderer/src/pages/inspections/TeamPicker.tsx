import { useTranslation } from 'react-i18next';
import type { PlanOptions, TeamMember } from '../../../../electron/api/schemas/inspections.ts';

/**
 * 检查组: the district's inspectors and safety supervisors as checkboxes. Fewer than two
 * inspectors with an enforcement card is warned, not refused (the core's rule, team.ts).
 */
export function TeamPicker({ options, team, onChange }: { options: PlanOptions; team: TeamMember[]; onChange: (team: TeamMember[]) => void }) {
  const { t } = useTranslation();
  const has = (kind: TeamMember['kind'], id: string) => team.some((m) => m.kind === kind && m.id === id);
  const toggle = (member: TeamMember, on: boolean) => onChange(on ? [...team, member] : team.filter((m) => !(m.kind === member.kind && m.id === member.id)));
  // people kept from an earlier save who are no longer in the lists (or never were) stay listed
  const others = team.filter((m) => !m.id || !(m.kind === 'inspector' ? options.inspectors : options.supervisors).some((p) => p.id === m.id));
  const qualified = team.filter((m) => m.kind === 'inspector' && options.inspectors.some((i) => i.id === m.id && i.enforcementNo)).length;
  return (
    <div className="insp-team">
      <fieldset className="insp-team-group">
        <legend>{t('inspections.team.inspectors')}</legend>
        {options.inspectors.length === 0 && <span className="muted">{t('inspections.team.noInspectors')}</span>}
        {options.inspectors.map((i) => (
          <label key={i.id} className="checkbox-inline">
            <input type="checkbox" checked={has('inspector', i.id)} onChange={(e) => toggle({ kind: 'inspector', id: i.id, name: i.name }, e.target.checked)} />
            {i.name}
            {i.enforcementNo && <span className="muted">（{i.enforcementNo}）</span>}
          </label>
        ))}
      </fieldset>
      <fieldset className="insp-team-group">
        <legend>{t('inspections.team.supervisors')}</legend>
        {options.supervisors.length === 0 && <span className="muted">{t('inspections.team.noSupervisors')}</span>}
        {options.supervisors.map((s) => (
          <label key={s.id} className="checkbox-inline">
            <input type="checkbox" checked={has('supervisor', s.id)} onChange={(e) => toggle({ kind: 'supervisor', id: s.id, name: s.name }, e.target.checked)} />
            {s.name}
            <span className="muted">（{t('inspections.team.supervisorOf', { unit: s.unitName, block: s.blockName ? `，${s.blockName}` : '' })}）</span>
          </label>
        ))}
      </fieldset>
      {others.map((m) => (
        <label key={`${m.kind}-${m.id ?? m.name}`} className="checkbox-inline">
          <input type="checkbox" checked onChange={() => onChange(team.filter((x) => x !== m))} />
          {m.name}（{t(`inspections.member.${m.kind}`)}）
        </label>
      ))}
      <div className="muted">{t('inspections.team.chosen', { count: team.length })}</div>
      {qualified < 2 && (
        <div className="notice insp-warn" role="status" data-testid="team-warning">
          {t('inspections.team.warning', { count: qualified })}
        </div>
      )}
    </div>
  );
}
