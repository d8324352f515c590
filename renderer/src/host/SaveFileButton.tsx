import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/api/contract.ts';
import { api, errorMessage } from '../api/client.ts';
import { useHostStatus } from './host-status.ts';
import './host.css';

type Source = CallInput<'host.saveFile'>['source'];
type Step = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/**
 * 另存为… (the desktop app's save dialog) or 下载 (a browser) for a file the core
 * made, named by the reference the core returned: the page never holds its path.
 */
export function SaveFileButton({ fileName, source, testId }: { fileName: string; source: Source; testId?: string }) {
  const { t } = useTranslation();
  const host = useHostStatus();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const save = async () => {
    setStep({ kind: 'saving' });
    try {
      const result = await api.call('host.saveFile', { fileName, source });
      if (!result.saved) setStep({ kind: 'idle' });
      else setStep({ kind: 'done', text: result.location ? t('host.save.savedTo', { location: result.location }) : t('host.save.downloaded') });
    } catch (error) {
      setStep({ kind: 'failed', text: t('host.save.failed', { message: errorMessage(error) }) });
    }
  };
  return (
    <span className="save-line" data-testid={testId}>
      <button type="button" className="button" onClick={() => void save()} disabled={step.kind === 'saving' || host === null}>
        {step.kind === 'saving' ? t('host.save.saving') : host?.kind === 'electron' ? t('host.save.saveAs') : t('host.save.download')}
      </button>
      {(step.kind === 'done' || step.kind === 'failed') && (
        <span className={step.kind === 'failed' ? 'field-error' : 'muted'} role={step.kind === 'failed' ? 'alert' : 'status'}>
          {step.text}
        </span>
      )}
    </span>
  );
}
