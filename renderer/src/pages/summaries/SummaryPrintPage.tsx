import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperator } from '../../app/operator-context.ts';
import type { SummaryDetail } from '../../../../electron/api/schemas/summaries.ts';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { chineseDate } from '../../format/time.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { monthLabel } from './SummaryBadges.tsx';
import { loadState, useCall } from '../../components/useLoad.ts';
import '../../styles/lists.css';
import './summaries.css';

/** The summary in the layout of an official paper (A4 portrait), as the .docx has it, to print or save as PDF. */
export function SummaryPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const month = params.get('month') ?? '';
  const office = params.get('office') ?? undefined;
  const auto = params.get('auto') === '1';
  const state = loadState(useCall('summaries.get', { month, ...(office ? { officeNode: office } : {}) }));
  const printed = useRef(false);

  useEffect(() => {
    if (state.kind !== 'ready' || !auto || printed.current) return;
    printed.current = true;
    history.replaceState(null, '', hrefFor('summary-print', { month, office }));
    requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  }, [state, auto, month, office]);

  return (
    <PrintFrame label={t('summaries.title')} backHref={hrefFor('summaries', { month, office })} backLabel={t('summaries.print.back')} printLabel={t('summaries.print.print')} hint={t('summaries.print.hint')} state={state}>
      {() => state.kind === 'ready' && <Paper summary={state.value} />}
    </PrintFrame>
  );
}

function Paragraphs({ text }: { text: string | null }) {
  const { t } = useTranslation();
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return <>{(lines.length ? lines : [t('summaries.print.empty')]).map((line, i) => <p key={i}>{line}</p>)}</>;
}

function Paper({ summary }: { summary: SummaryDetail }) {
  const { t } = useTranslation();
  const operator = useOperator();
  // who filled it in: whoever submitted it, or the 经办人 printing a draft
  const filledBy = summary.submittedBy ?? operator;
  const final = summary.status === 'submitted' || summary.status === 'received';
  const signedOn = final && summary.submittedAt ? summary.submittedAt : new Date().toISOString();
  const f = summary.figures;
  return (
    <article className="sum-paper" aria-labelledby="sum-paper-title">
      {!final && <div className="sum-paper-draft">{t('summaries.print.draft')}</div>}
      <h1 id="sum-paper-title" className="sum-paper-title">
        {summary.title}
      </h1>
      <p>{t('summaries.print.intro', { month: monthLabel(summary.month) })}</p>
      <h2>{t('summaries.figures.title')}</h2>
      {summary.narrative && <Paragraphs text={summary.narrative} />}
      {f && <p>{t('summaries.print.period', { from: chineseDate(f.from), to: chineseDate(f.to) })}</p>}
      <FiguresTable rows={summary.rows} className="sum-table sum-paper-table" />
      <h2>{t('summaries.fields.experience')}</h2>
      <Paragraphs text={summary.experience} />
      <h2>{t('summaries.fields.problems')}</h2>
      <Paragraphs text={summary.problems} />
      <h2>{t('summaries.fields.proposals')}</h2>
      <Paragraphs text={summary.proposals} />
      {summary.attachments.length > 0 && (
        <div className="sum-paper-attachments">
          {summary.attachments.map((a, i) => (
            <p key={a.attachmentId}>
              {i === 0 ? t('summaries.print.attachments') : <span className="sum-paper-pad">{t('summaries.print.attachments')}</span>}
              {i + 1}. {a.fileName}
            </p>
          ))}
        </div>
      )}
      <div className="sum-paper-sign">
        <div>{summary.authority}</div>
        <div>{chineseDate(signedOn)}</div>
      </div>
      {filledBy && (
        <p className="sum-paper-filled-by" data-testid="summary-filled-by">
          {t('summaries.print.filledBy', { name: filledBy })}
        </p>
      )}
    </article>
  );
}
