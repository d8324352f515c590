import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../electron/api/schemas/district.ts';
import type { NodeIdentity } from '../../../electron/api/schemas/node.ts';
import { api, errorMessage } from '../api/client.ts';
import { passphraseMemory } from '../keys/passphrase-memory.ts';
import { watchActivity } from '../keys/watch-activity.ts';
import { FirstStartPage } from '../pages/first-start/FirstStartPage.tsx';
import { navigate } from '../router/hash-router.ts';
import { AppContext, type AppContextValue } from './app-context.ts';
import { Shell } from './Shell.tsx';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; node: NodeIdentity | null; districts: District[] };

/** Reads the node identity first: without one there is nothing to show but the first-start page. */
export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const [node, districts] = await Promise.all([api.call('node.get', {}), api.call('districts.list', {})]);
      setState({ kind: 'ready', node, districts });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // the passphrase typed once is forgotten after the set idle minutes and when the screen locks
  const ready = state.kind === 'ready' && state.node !== null;
  useEffect(() => {
    if (!ready) return;
    api.call('keys.sessionSettings', {}).then(
      (s) => passphraseMemory.setIdleMinutes(s.forgetAfterMinutes),
      () => undefined,
    );
    return watchActivity(passphraseMemory);
  }, [ready]);

  const reloadDistricts = useCallback(async () => {
    const districts = await api.call('districts.list', {});
    setState((s) => (s.kind === 'ready' ? { ...s, districts } : s));
  }, []);

  const context = useMemo<AppContextValue | null>(
    () => (state.kind === 'ready' && state.node ? { node: state.node, districts: state.districts, reloadDistricts } : null),
    [state, reloadDistricts],
  );

  if (state.kind === 'loading') return <div className="app-status">{t('app.loading')}</div>;
  if (state.kind === 'failed') {
    return (
      <div className="app-status" role="alert">
        <h1 className="page-title">{t('app.startFailed')}</h1>
        <p>{state.message}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!context) {
    return (
      <FirstStartPage
        districts={state.districts}
        onDone={(node) => {
          navigate('units');
          setState({ ...state, node });
        }}
      />
    );
  }
  return (
    <AppContext.Provider value={context}>
      <Shell />
    </AppContext.Provider>
  );
}
