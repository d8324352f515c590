import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../../electron/api/schemas/certificates.ts';

type SignInSheet = CallOutput<'training.signInSheet'>;
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { api } from '../../api/client.ts';
import { loadState, useLoad } from '../../components/useLoad.ts';
import { dateParts } from '../../format/time.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { PrintSignLines } from '../../components/PrintSignLines.tsx';
import { QrSvg } from './QrSvg.tsx';
import '../../styles/lists.css';
import './training.css';

type Doc = { kind: 'signin'; sheet: SignInSheet } | { kind: 'certificates'; certificates: Certificate[] };

/** The QR symbol's printed width without its quiet zone: 3 cm and a little, so a module stays over 0.5 mm. */
const QR_SYMBOL_MM = 31;

async function loadDoc(params: URLSearchParams): Promise<Doc> {
  if (params.get('kind') === 'signin') return { kind: 'signin', sheet: await api.call('training.signInSheet', { sessionId: params.get('id') ?? '' }) };
  const examId = params.get('exam') ?? undefined;
  const only = params.get('id');
  const certificates = (await api.call('training.certificates', examId ? { examId } : {})).filter((c) => !only || c.id === only);
  return { kind: 'certificates', certificates };
}

/** The sign-in sheet of a session, or supervisor certificates (two per A4 page) with their QR codes, to print. */
export function TrainingPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const state = loadState(useLoad(() => loadDoc(params), [params]));

  const back = params.get('kind') === 'signin' ? hrefFor('training', { session: params.get('id') ?? '' }) : hrefFor('training', { exam: params.get('exam') ?? '' });
  return (
    <PrintFrame label={t('training.print.toolbar')} backHref={back} backLabel={t('training.print.back')} printLabel={t('training.print.print')} hint={t('training.print.hint')} state={state}>
      {() => (
        <>
          {state.kind === 'ready' && state.value.kind === 'signin' && <SignIn sheet={state.value.sheet} />}
          {state.kind === 'ready' && state.value.kind === 'certificates' && <Certificates certificates={state.value.certificates} />}
        </>
      )}
    </PrintFrame>
  );
}

function SignIn({ sheet }: { sheet: SignInSheet }) {
  const { t } = useTranslation();
  return (
    <article className="training-sheet print-list-portrait">
      <h1 className="print-title">{sheet.title}</h1>
      <p>
        {t('training.print.signInFacts', { dates: sheet.dates, place: sheet.place ?? '—', trainers: sheet.trainers ?? '—' })}
      </p>
      <table className="signin-table" data-testid="signin-table">
        <thead>
          <tr>
            <th style={{ width: '10mm' }}>{t('training.roster.no')}</th>
            <th style={{ width: '26mm' }}>{t('training.roster.name')}</th>
            <th>{t('training.roster.unit')}</th>
            <th style={{ width: '44mm' }}>{t('training.roster.idNumber')}</th>
            <th style={{ width: '36mm' }}>{t('training.print.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((r) => (
            <tr key={r.no}>
              <td>{r.no}</td>
              <td>{r.name}</td>
              <td>{r.unitName}</td>
              <td>{r.idNumberMasked}</td>
              <td />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="print-total" data-testid="signin-total">
            <th colSpan={2}>{t('training.print.total')}</th>
            <td colSpan={3}>{t('training.print.totalPeople', { count: sheet.rows.length })}</td>
          </tr>
        </tfoot>
      </table>
      <PrintSignLines />
    </article>
  );
}

function Certificates({ certificates }: { certificates: Certificate[] }) {
  const { t } = useTranslation();
  if (certificates.length === 0) return <p className="muted print-status">{t('training.print.noCertificates')}</p>;
  return (
    <div className="cert-sheet">
      {certificates.map((c) => {
        const issued = dateParts(c.issueDate);
        return (
          <section key={c.id} className="cert-card" data-testid="certificate-card" aria-label={c.certificateNo}>
            <h2>{t('training.print.certificateTitle')}</h2>
            <dl>
              <dt>{t('training.print.no')}</dt>
              <dd data-testid="certificate-no">{c.certificateNo}</dd>
              <dt>{t('training.print.holder')}</dt>
              <dd>{c.holderName}</dd>
              <dt>{t('training.print.idNumber')}</dt>
              <dd>{c.idNumberMasked ?? '—'}</dd>
              <dt>{t('training.print.unit')}</dt>
              <dd>{c.unitName ?? '—'}</dd>
              <dt>{t('training.print.validity')}</dt>
              <dd>{t('training.print.validityText', { from: c.issueDate, to: c.validUntil })}</dd>
              <dt>{t('training.print.issuer')}</dt>
              <dd data-testid="certificate-issuer">{c.issuerName ?? c.issuingNode}</dd>
              {c.revokedAt && (
                <>
                  <dt>{t('training.print.revoked')}</dt>
                  <dd className="text-danger">{c.revokedReason}</dd>
                </>
              )}
            </dl>
            <div className="cert-qr">
              {/* the signed payload only: 证书核验 or `qkl verify-cert` checks it offline */}
              <QrSvg text={c.payload} symbolMm={QR_SYMBOL_MM} label={t('training.print.qrAlt', { no: c.certificateNo })} testId="certificate-qr" />
              <div className="muted">{t('training.print.qrHint')}</div>
            </div>
            <div className="cert-seal">
              <span>{t('training.print.issuedOn', issued)}</span>
              <span className="cert-seal-box">{t('training.print.seal')}</span>
            </div>
          </section>
        );
      })}
    </div>
  );
}
