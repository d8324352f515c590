import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { ExportCard } from './ExportCard.tsx';
import { ImportCard } from './ImportCard.tsx';
import { keysHref } from './keys-link.ts';
import { ReceiptImportCard } from './ReceiptImportCard.tsx';
import { ReceivedGrid } from './ReceivedGrid.tsx';
import { SentGrid } from './SentGrid.tsx';
import { useBundlesData, type BundlesData } from './useBundlesData.ts';
import { usePassphrase, type WithPassphrase } from './usePassphrase.tsx';
import { WriteReceiptsButton } from './WriteReceiptsButton.tsx';

/**
 * 数据包交换. Offices (分局, 培训中心) export their bundles for the bureau, see
 * whether the bureau confirmed them, import its receipts and its bundles; the
 * bureau imports the offices' bundles, writes receipts and sends bundles down.
 */
export function BundlesPage() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const isBureau = node.role === 'bureau';
  const data = useBundlesData(isBureau);
  const { withPassphrase, dialog } = usePassphrase();
  const reload = () => void data.reload();

  return (
    <section className="page bundles-page" aria-labelledby="bundles-title">
      <div className="page-header">
        <h1 id="bundles-title" className="page-title">
          {t('bundles.title')}
        </h1>
        {isBureau && <a href={hrefFor('city')}>{t('bundles.cityLink')}</a>}
      </div>
      {data.error && (
        <div className="notice notice-error" role="alert">
          {data.error}
        </div>
      )}
      <Attention data={data} isBureau={isBureau} />
      {isBureau ? <BureauView data={data} withPassphrase={withPassphrase} reload={reload} /> : <OfficeView data={data} withPassphrase={withPassphrase} reload={reload} />}
      {dialog}
    </section>
  );
}

/** What needs doing first: keys missing, no partner trusted, bundles not yet confirmed or receipted. */
function Attention({ data, isBureau }: { data: BundlesData; isBureau: boolean }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (data.hasKeys === false) lines.push(t('bundles.attention.noKeys'));
  else if (data.hasPartner === false) lines.push(isBureau ? t('bundles.attention.noOffices') : t('bundles.attention.noBureau'));
  const keysProblem = lines.length > 0;
  if (!isBureau) {
    const unconfirmed = data.sent.filter((s) => !s.acknowledgedAt).length;
    if (unconfirmed > 0) lines.push(t('bundles.attention.unconfirmed', { count: unconfirmed }));
  } else {
    const unreceipted = data.received.filter((r) => !r.receiptAt).length;
    if (unreceipted > 0) lines.push(t('bundles.attention.unreceipted', { count: unreceipted }));
  }
  if (lines.length === 0) return null;
  return (
    <div className={`notice ${keysProblem ? 'notice-error' : 'notice-info'}`} role="status" data-testid="bundles-attention">
      <strong>{t('common.attention')}</strong>
      {lines.join(t('bundles.listSeparator'))}
      {keysProblem && (
        <>
          {' '}
          <a href={keysHref}>{t('bundles.attention.keysLink')}</a>
        </>
      )}
    </div>
  );
}

interface ViewProps {
  data: BundlesData;
  withPassphrase: WithPassphrase;
  reload: () => void;
}

function OfficeView({ data, withPassphrase, reload }: ViewProps) {
  const { t } = useTranslation();
  return (
    <>
      <ExportCard withPassphrase={withPassphrase} onExported={reload} />
      <section className="panel" aria-labelledby="sent-title">
        <h2 id="sent-title" className="section-title">
          {t('bundles.sent.title', { count: data.sent.length })}
        </h2>
        {data.sent.length === 0 ? <p className="muted">{t('bundles.sent.empty')}</p> : <SentGrid rows={data.sent} withTarget={false} />}
      </section>
      <ReceiptImportCard onImported={reload} />
      <ImportCard title={t('bundles.import.titleOffice')} intro={t('bundles.import.introOffice')} withPassphrase={withPassphrase} onImported={reload} />
      {data.received.length > 0 && (
        <section className="panel" aria-labelledby="received-title">
          <h2 id="received-title" className="section-title">
            {t('bundles.received.titleOffice', { count: data.received.length })}
          </h2>
          <ReceivedGrid rows={data.received} withReceipt={false} />
        </section>
      )}
    </>
  );
}

function BureauView({ data, withPassphrase, reload }: ViewProps) {
  const { t } = useTranslation();
  return (
    <>
      <ImportCard title={t('bundles.import.title')} intro={t('bundles.import.intro')} withPassphrase={withPassphrase} onImported={reload} />
      <section className="panel" aria-labelledby="received-title">
        <h2 id="received-title" className="section-title">
          {t('bundles.received.title', { count: data.received.length })}
        </h2>
        <WriteReceiptsButton pending={data.received.filter((r) => !r.receiptAt).length} withPassphrase={withPassphrase} onWritten={reload} />
        {data.received.length === 0 ? <p className="muted">{t('bundles.received.empty')}</p> : <ReceivedGrid rows={data.received} withReceipt />}
      </section>
      <ExportCard targets={data.offices} withPassphrase={withPassphrase} onExported={reload} />
      {data.sent.length > 0 && (
        <section className="panel" aria-labelledby="sent-title">
          <h2 id="sent-title" className="section-title">
            {t('bundles.sent.titleBureau', { count: data.sent.length })}
          </h2>
          <SentGrid rows={data.sent} withTarget />
        </section>
      )}
    </>
  );
}
