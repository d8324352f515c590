import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockDetail } from '../../../../../electron/api/schemas/blocks.ts';
import type { BlockCalendar, BlockCheckSummary, BlockMeeting } from '../../../../../electron/api/schemas/routine.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Badge } from '../../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../../components/StatusNotice.tsx';
import { hrefFor } from '../../../router/hash-router.ts';
import { CalendarTable } from './CalendarTable.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { MeetingsPanel } from './MeetingsPanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { TabBar } from '../../../components/TabBar.tsx';

const views = ['calendar', 'checks', 'meetings', 'schedule'] as const;
type View = (typeof views)[number];

interface Loaded {
  block: BlockDetail;
  calendar: BlockCalendar;
  checks: BlockCheckSummary[];
  meetings: BlockMeeting[];
}

/** 小组活动: one block's calendar of due activities, its 自查 / 互查, meetings and 活动安排. */
export function BlockRoutineView({ blockId, view: asked }: { blockId: string; view: string | null }) {
  const { t } = useTranslation();
  const view: View = (views as readonly string[]).includes(asked ?? '') ? (asked as View) : 'calendar';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const load = useCallback(async () => {
    try {
      const [block, calendar, checks, meetings] = await Promise.all([
        api.call('blocks.get', { id: blockId }),
        api.call('blocks.calendar', { blockId }),
        api.call('blocks.checks', { blockId }),
        api.call('blocks.meetings', { blockId }),
      ]);
      setLoaded({ block, calendar: calendar.blocks[0]!, checks, meetings });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [blockId]);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (text: string) => {
    setStatus({ tone: 'ok', text });
    void load();
  };
  const block = loaded?.block;
  const canEdit = Boolean(block?.editable);

  return (
    <section className="page blocks-page" data-testid="block-routine" aria-labelledby="routine-title">
      <div className="page-header">
        <a href={hrefFor('blocks')}>{t('routine.back')}</a>
        <h1 id="routine-title" className="page-title">
          {block ? t('routine.title', { name: block.name }) : t('app.loading')}
        </h1>
        {loaded && loaded.calendar.overdue > 0 && (
          <Badge tone="danger">{t('routine.calendar.overdueCount', { count: loaded.calendar.overdue })}</Badge>
        )}
      </div>
      <StatusNotice status={status} />
      {block && !canEdit && <div className="notice notice-info">{block.dissolvedAt ? t('routine.dissolved') : t('routine.readOnly')}</div>}
      <TabBar label={t('routine.open')} tabs={views} current={view} href={(id) => hrefFor('blocks', { block: blockId, view: id })} text={(id) => t(`routine.tab.${id}`)} />
      {loaded && view === 'calendar' && <CalendarTable calendar={loaded.calendar} />}
      {loaded && view === 'checks' && <ChecksPanel block={loaded.block} checks={loaded.checks} canEdit={canEdit} onSaved={saved} />}
      {loaded && view === 'meetings' && <MeetingsPanel block={loaded.block} meetings={loaded.meetings} canEdit={canEdit} onSaved={saved} onError={(text) => setStatus({ tone: 'error', text })} />}
      {loaded && view === 'schedule' && <RulesPanel blockId={blockId} rules={loaded.calendar.rules} canEdit={canEdit} onSaved={saved} />}
    </section>
  );
}
