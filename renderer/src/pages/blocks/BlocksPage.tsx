import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, BlockList, BlockProposal, BlockSuggestions } from '../../../../electron/api/schemas/blocks.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { useRouteParams } from '../../router/hash-router.ts';
import { BlockRoutineView } from './routine/BlockRoutineView.tsx';
import { CheckView } from './routine/CheckView.tsx';
import { BlockCard } from './BlockCard.tsx';
import { BlockDialog, type BlockDialogMode } from './BlockDialog.tsx';
import { DissolveDialog } from './DissolveDialog.tsx';
import { HistoryDialog } from './HistoryDialog.tsx';
import { SizeSettingsDialog } from './SizeSettingsDialog.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import './blocks.css';
import './routine/routine.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; board: BlockList };
type Dialog =
  | { kind: 'none' }
  | { kind: 'block'; mode: BlockDialogMode }
  | { kind: 'dissolve'; block: Block }
  | { kind: 'history'; block: Block }
  | { kind: 'settings' };

/** 安全管理小组（块）: the board, or one block's activities (?block=…), or one 自查 / 互查 (?check=…). */
export function BlocksPage() {
  const params = useRouteParams();
  const block = params.get('block');
  const check = params.get('check');
  if (check) return <CheckView id={check} />;
  if (block) return <BlockRoutineView blockId={block} view={params.get('view')} />;
  return <BlocksBoard />;
}

/** The board of the district's blocks, with what needs attention, and the suggestions. */
function BlocksBoard() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const canEdit = node.role === 'district' && Boolean(node.districtId);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [includeDissolved, setIncludeDissolved] = useState(false);
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [suggestions, setSuggestions] = useState<BlockSuggestions | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [suggesting, setSuggesting] = useState(false);

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', board: await api.call('blocks.list', { includeDissolved }) });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, [includeDissolved]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadSuggestions = useCallback(async () => {
    setSuggesting(true);
    try {
      setSuggestions(await api.call('blocks.suggest', {}));
      setDismissed(new Set());
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setSuggesting(false);
    }
  }, []);

  // edit and dissolve start from the block as it is now (its version), not as the board showed it
  const openFresh = async (block: Block, kind: 'edit' | 'dissolve') => {
    try {
      const fresh = await api.call('blocks.get', { id: block.id });
      setDialog(kind === 'edit' ? { kind: 'block', mode: { kind: 'edit', block: fresh } } : { kind: 'dissolve', block: fresh });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
      void load();
    }
  };

  const afterSave = (block: Block, created: boolean) => {
    setDialog({ kind: 'none' });
    setStatus({ tone: 'ok', text: t(created ? 'blocks.created' : 'blocks.saved', { name: block.name }) });
    void load();
    if (suggestions) void loadSuggestions();
  };

  const board = state.kind === 'ready' ? state.board : null;
  const withProblems = board ? board.blocks.filter((b) => b.problems.some((p) => p.severity === 'error')).length : 0;

  return (
    <section className="page blocks-page" aria-labelledby="blocks-title">
      <div className="page-header">
        <h1 id="blocks-title" className="page-title">
          {t('blocks.title')}
        </h1>
        {withProblems > 0 && (
          <span className="badge badge-danger" data-testid="blocks-attention">
            {t('blocks.attention', { count: withProblems })}
          </span>
        )}
        {status && (
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="blocks-status">
            {status.text}
          </div>
        )}
      </div>
      <p className="muted">{t('blocks.intro')}</p>
      {!canEdit && <div className="notice notice-info">{t('blocks.readOnly')}</div>}
      <div className="toolbar" role="toolbar" aria-label={t('blocks.title')}>
        {canEdit && (
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'block', mode: { kind: 'create' } })}>
            {t('blocks.add')}
          </button>
        )}
        {canEdit && (
          <button
            type="button"
            className="button"
            disabled={suggesting}
            aria-expanded={suggestions !== null}
            onClick={() => (suggestions ? setSuggestions(null) : void loadSuggestions())}
          >
            {suggestions ? t('blocks.hideSuggestions') : t('blocks.suggest')}
          </button>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={includeDissolved} onChange={(e) => setIncludeDissolved(e.target.checked)} />
          {t('blocks.showDissolved')}
        </label>
        <span className="toolbar-spacer" />
        {board && <span className="muted">{t('blocks.sizeRule', { min: board.settings.minSize, max: board.settings.maxSize })}</span>}
        {canEdit && board && (
          <button type="button" className="button" onClick={() => setDialog({ kind: 'settings' })}>
            {t('blocks.sizeSettings')}
          </button>
        )}
      </div>
      {suggestions && (
        <SuggestionsPanel
          suggestions={suggestions}
          dismissed={dismissed}
          canAccept={canEdit}
          onAccept={(proposal: BlockProposal) => setDialog({ kind: 'block', mode: { kind: 'accept', proposal } })}
          onDismiss={(proposal) => setDismissed((d) => new Set([...d, proposal.key]))}
        />
      )}
      {state.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {board && board.blocks.length === 0 && <p className="muted">{t('blocks.empty')}</p>}
      {board && board.blocks.length > 0 && (
        <div className="block-board" data-testid="block-board">
          {board.blocks.map((block) => (
            <BlockCard
              key={block.id}
              block={block}
              showDistrict={!canEdit}
              onEdit={(b) => void openFresh(b, 'edit')}
              onHistory={(b) => setDialog({ kind: 'history', block: b })}
              onDissolve={(b) => void openFresh(b, 'dissolve')}
            />
          ))}
        </div>
      )}
      {dialog.kind === 'block' && board && <BlockDialog mode={dialog.mode} settings={board.settings} onClose={() => setDialog({ kind: 'none' })} onSaved={afterSave} />}
      {dialog.kind === 'dissolve' && (
        <DissolveDialog
          block={dialog.block}
          onClose={() => setDialog({ kind: 'none' })}
          onDissolved={(b) => {
            setDialog({ kind: 'none' });
            setStatus({ tone: 'ok', text: t('blocks.dissolved', { name: b.name }) });
            void load();
            if (suggestions) void loadSuggestions();
          }}
        />
      )}
      {dialog.kind === 'history' && <HistoryDialog block={dialog.block} onClose={() => setDialog({ kind: 'none' })} />}
      {dialog.kind === 'settings' && board && (
        <SizeSettingsDialog
          settings={board.settings}
          onClose={() => setDialog({ kind: 'none' })}
          onSaved={(s) => {
            setDialog({ kind: 'none' });
            setStatus({ tone: 'ok', text: t('blocks.settingsSaved', { min: s.minSize, max: s.maxSize }) });
            void load();
          }}
        />
      )}
    </section>
  );
}
