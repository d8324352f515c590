import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Where a print document stands: still loading, refused by the core, or ready to show. */
export type PrintState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready' };

interface PrintFrameProps {
  /** the toolbar's name (for screen readers) */
  label: string;
  backHref: string;
  backLabel: string;
  printLabel: string;
  hint: string;
  state: PrintState;
  /** extra class of the document (a page's own print layout) */
  className?: string;
  /** the document, drawn once the state is ready */
  children: () => ReactNode;
}

/** A document to print without the shell: back, 打印 (the browser's print dialog, which also saves PDF), a hint, then the document. */
export function PrintFrame({ label, backHref, backLabel, printLabel, hint, state, className, children }: PrintFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={className ? `print-doc ${className}` : 'print-doc'}>
      <div className="print-toolbar" role="toolbar" aria-label={label}>
        <a className="button button-link" href={backHref}>
          {backLabel}
        </a>
        <button type="button" className="button button-primary" onClick={() => window.print()} disabled={state.kind !== 'ready'}>
          {printLabel}
        </button>
        <span className="muted">{hint}</span>
      </div>
      {state.kind === 'loading' && <div className="muted print-status">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error print-status" role="alert">
          {state.message}
        </div>
      )}
      {state.kind === 'ready' && children()}
    </div>
  );
}
