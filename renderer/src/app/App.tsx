import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../electron/api/schemas/district.ts';
import type { NodeIdentity } from '../../../electron/api/schemas/node.ts';
import type { Session } from '../../../electron/api/schemas/people.ts';
import { api, errorMessage, OPERATOR_REQUIRED_EVENT } from '../api/client.ts';
import { passphraseMemory } from '../keys/passphrase-memory.ts';
import { watchActivity } from '../keys/watch-activity.ts';
import { FirstStartPage } from '../pages/first-start/FirstStartPage.tsx';
import { OperatorStartPage } from '../pages/people/OperatorStartPage.tsx';
import { OperatorSwitchDialog } from '../pages/people/OperatorSwitchDialog.tsx';
import '../pages/people/people.css';
import { navigate } from '../router/hash-router.ts';
import { AppContext, type AppContextValue } from './app-context.ts';
import { OperatorContext, type OperatorContextValue } from './operator-context.ts';
import { Shell } from './Shell.tsx';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; node: NodeIdentity | null; calls: ReadonlySet<string>; districts: District[]; session: Session };

/**
 * Reads the node identity first: without one there is nothing to show but the
 * first-start page. Then who works now (the 经办人): chosen at start, kept by the
 * host for this run, so every write records that person.
 */
export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  // the switch dialog: opened from the header, or when a call found no 经办人
  const [switching, setSwitching] = useState(false);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const [node, calls, districts, session] = await Promise.all([api.call('node.get', {}), api.call('node.calls', {}), api.call('districts.list', {}), api.call('session.get', {})]);
      setState({ kind: 'ready', node, calls: new Set(calls), districts, session });
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

  const setSession = useCallback((session: Session) => {
    setState((s) => (s.kind === 'ready' ? { ...s, session } : s));
    setSwitching(false);
  }, []);

  // a write refused for want of a 经办人 (deactivated by someone else meanwhile): ask, keeping the page and its form
  useEffect(() => {
    const ask = () => {
      void api.call('session.get', {}).then(
        (session) => {
          setState((s) => (s.kind === 'ready' ? { ...s, session } : s));
          setSwitching(true);
        },
        () => setSwitching(true),
      );
    };
    window.addEventListener(OPERATOR_REQUIRED_EVENT, ask);
    return () => window.removeEventListener(OPERATOR_REQUIRED_EVENT, ask);
  }, []);

  const reloadDistricts = useCallback(async () => {
    const districts = await api.call('districts.list', {});
    setState((s) => (s.kind === 'ready' ? { ...s, districts } : s));
  }, []);

  const context = useMemo<AppContextValue | null>(
    () => (state.kind === 'ready' && state.node ? { node: state.node, mayCall: (name) => (state.calls as ReadonlySet<string>).has(name), districts: state.districts, reloadDistricts } : null),
    [state, reloadDistricts],
  );
  const operator = state.kind === 'ready' ? state.session.operator : null;
  // once chosen, the frame keeps the last 经办人 shown while the dialog asks again
  const [lastOperator, setLastOperator] = useState(operator);
  if (operator && operator !== lastOperator) setLastOperator(operator);
  const shown = operator ?? lastOperator;
  const refreshOperator = useCallback(() => {
    void api.call('session.get', {}).then(
      (session) => setState((s) => (s.kind === 'ready' ? { ...s, session } : s)),
      () => undefined,
    );
  }, []);
  const operatorContext = useMemo<OperatorContextValue | null>(
    () => (shown ? { operator: shown, switchOperator: () => setSwitching(true), refreshOperator } : null),
    [shown, refreshOperator],
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
        onDone={(node, session) => {
          navigate('units');
          setState({ ...state, node, session });
        }}
      />
    );
  }
  if (!operatorContext) {
    return <OperatorStartPage nodeLabel={t('app.nodeLabel', { name: context.node.name, role: t(`app.role.${context.node.role}`) })} onChosen={setSession} />;
  }
  return (
    <AppContext.Provider value={context}>
      <OperatorContext.Provider value={operatorContext}>
        <Shell />
        {(switching || !operator) && <OperatorSwitchDialog current={operator} onChosen={setSession} onClose={() => setSwitching(false)} />}
      </OperatorContext.Provider>
    </AppContext.Provider>
  );
}
