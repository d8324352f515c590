import type { Completeness } from '../../../../electron/api/schemas/acceptance.ts';

/** Evidence completeness as a small bar with "complete / required". */
export function Meter({ value, label }: { value: Completeness; label: string }) {
  const percent = value.required === 0 ? 100 : Math.round((value.complete / value.required) * 100);
  const tone = percent === 100 ? 'ok' : percent >= 50 ? 'warn' : 'danger';
  return (
    <span className="acc-meter" title={label}>
      <span
        className="acc-meter-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={value.required}
        aria-valuenow={value.complete}
      >
        <span className={`acc-meter-fill acc-meter-${tone}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="acc-meter-text">
        {value.complete}/{value.required}
      </span>
    </span>
  );
}
