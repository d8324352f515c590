export type BadgeTone = 'ok' | 'warn' | 'danger' | 'muted' | 'info';

/** A short coloured word in a grid cell or a table: 超期, 临期, 已过期… */
export function Badge({ tone, children, title }: { tone: BadgeTone; children: string; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
