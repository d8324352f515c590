import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/print.css';

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
  // 第 N 页 共 M 页: the page boxes of printed lists (styles/print.css) read this from the
  // root element, so the words come from the language files like every other word
  useEffect(() => {
    const root = document.documentElement.style;
    const quoted = (text: string) => `"${text.replace(/["\\]/g, '')}"`;
    root.setProperty('--print-page-footer', `${quoted(t('print.pageBefore'))} counter(page) ${quoted(t('print.pageMiddle'))} counter(pages) ${quoted(t('print.pageAfter'))}`);
    return () => {
      root.removeProperty('--print-page-footer');
    };
  }, [t]);
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
