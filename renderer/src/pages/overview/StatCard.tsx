interface StatCardProps {
  value: number;
  /** 台, 家, 人 */
  unit: string;
  label: string;
  href: string;
  tone?: 'danger' | 'warn' | 'ok' | 'muted';
  testId?: string;
}

/** One number of the overview, as a link to the grid that lists it; a zero in an alarm colour stays calm. */
export function StatCard({ value, unit, label, href, tone, testId }: StatCardProps) {
  const toneClass = tone && (value > 0 || tone === 'ok') ? ` stat-${tone}` : '';
  return (
    <a className={`stat${toneClass}`} href={href} data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-figure">
        <span className="stat-value">{value.toLocaleString('zh-CN')}</span>
        <span className="stat-unit">{unit}</span>
      </span>
    </a>
  );
}
