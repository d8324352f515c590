import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client.ts';
import { useHostStatus } from '../host/host-status.ts';
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
  /** the name offered for 另存为 PDF, without .pdf (default: the toolbar's name) */
  pdfName?: string;
  /** A4 landscape (the two lists); the page's own @page rule decides in the desktop app too */
  landscape?: boolean;
  /** extra class of the document (a page's own print layout) */
  className?: string;
  /** the document, drawn once the state is ready */
  children: () => ReactNode;
}

type PdfStep = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** Characters a file name may not carry on Windows become a dash. */
const fileNameOf = (name: string) => `${name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'document'}.pdf`;

/**
 * A document to print without the shell: back, 打印 (the print dialog), 另存为 PDF
 * (the desktop app writes the PDF itself and asks where; a browser opens its print
 * dialog, whose 另存为 PDF does it), a hint, then the document.
 */
export function PrintFrame({ label, backHref, backLabel, printLabel, hint, state, pdfName, landscape = false, className, children }: PrintFrameProps) {
  const { t } = useTranslation();
  const host = useHostStatus();
  const [pdf, setPdf] = useState<PdfStep>({ kind: 'idle' });

  const savePdf = async () => {
    setPdf({ kind: 'saving' });
    try {
      const result = await api.call('host.printToPdf', { fileName: fileNameOf(pdfName ?? label), landscape });
      if (result.printed) setPdf({ kind: 'done', text: t('host.pdf.browserHint') });
      else setPdf(result.saved && result.location ? { kind: 'done', text: t('host.pdf.savedTo', { location: result.location }) } : { kind: 'idle' });
    } catch (error) {
      setPdf({ kind: 'failed', text: t('host.pdf.failed', { message: errorMessage(error) }) });
    }
  };

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
        <button type="button" className="button" onClick={() => void savePdf()} disabled={state.kind !== 'ready' || pdf.kind === 'saving' || host === null}>
          {pdf.kind === 'saving' ? t('host.pdf.saving') : t('host.pdf.save')}
        </button>
        <span className="muted" role="status" data-testid="print-pdf-status">
          {pdf.kind === 'done' || pdf.kind === 'failed' ? pdf.text : hint}
        </span>
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
