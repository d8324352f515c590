import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client.ts';
import { coreState } from './core-state.ts';
import { onHostEvent } from './host-events.ts';
import { hostStatus } from './host-status.ts';
import './host.css';

type Step = { kind: 'idle' } | { kind: 'restarting' } | { kind: 'restarted' } | { kind: 'failed'; message: string };

/**
 * When the data service (the core's thread or process) stops, the window says so
 * above whatever page is open, with a button that starts it again; the page is then
 * loaded afresh, so nothing shown comes from before the crash. Never a blank window.
 */
export function CoreBanner() {
  const { t } = useTranslation();
  const stopped = useSyncExternalStore(coreState.subscribe, coreState.isStopped);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  useEffect(() => {
    const offStopped = onHostEvent('core-stopped', () => coreState.markStopped());
    // started again elsewhere (another tab of the browser host): show what is there now
    const offStarted = onHostEvent('core-started', () => {
      if (coreState.isStopped()) window.location.reload();
    });
    // a window loaded while the service is down
    hostStatus().then(
      (status) => status.core === 'stopped' && coreState.markStopped(),
      () => undefined,
    );
    return () => {
      offStopped();
      offStarted();
    };
  }, []);

  if (!stopped) return null;

  const restart = async () => {
    setStep({ kind: 'restarting' });
    try {
      await api.call('host.restartCore', {});
      setStep({ kind: 'restarted' });
      window.location.reload();
    } catch (error) {
      setStep({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <div className="notice notice-error core-banner" role="alert" data-testid="core-banner">
      <span className="core-banner-text">
        {step.kind === 'restarted' ? t('host.core.restarted') : step.kind === 'failed' ? t('host.core.restartFailed', { message: step.message }) : t('host.core.stopped')}
      </span>
      <button type="button" className="button button-primary" onClick={() => void restart()} disabled={step.kind === 'restarting' || step.kind === 'restarted'}>
        {step.kind === 'restarting' ? t('host.core.restarting') : t('host.core.restart')}
      </button>
    </div>
  );
}
