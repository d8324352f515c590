import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockDetail } from '../../../../../electron/api/schemas/blocks.ts';
import type { BlockMeeting } from '../../../../../electron/api/schemas/routine.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { saveFile } from '../../../files/download.ts';
import { MeetingDialog } from './MeetingDialog.tsx';

/** The block's meetings and 交流学习: date, topic, who took part, minutes, photos. */
export function MeetingsPanel({ block, meetings, canEdit, onSaved, onError }: { block: BlockDetail; meetings: BlockMeeting[]; canEdit: boolean; onSaved: (text: string) => void; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ meeting: BlockMeeting | null } | null>(null);
  const download = (attachmentId: string) => api.call('blocks.routineFile', { attachmentId }).then(saveFile, (error: unknown) => onError(errorMessage(error)));
  return (
    <section className="panel">
      {canEdit && (
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => setDialog({ meeting: null })}>
            {t('routine.meeting.add')}
          </button>
        </div>
      )}
      {meetings.length === 0 && <p className="muted">{t('routine.meeting.empty')}</p>}
      <ul className="routine-meetings" data-testid="routine-meetings">
        {meetings.map((m) => (
          <li key={m.id} className="routine-meeting">
            <div className="routine-meeting-head">
              <strong>{`${m.heldOn} ${t(`routine.meeting.kind.${m.kind}`)}：${m.topic}`}</strong>
              {m.place && <span className="muted">{m.place}</span>}
              {canEdit && m.mine && (
                <button type="button" className="button" onClick={() => setDialog({ meeting: m })}>
                  {t('routine.meeting.edit')}
                </button>
              )}
            </div>
            <div>
              <span className="field-label">{t('routine.meeting.participants')}：</span>
              {m.participants.map((p) => (p.unitName ? `${p.name}（${p.unitName}）` : p.name)).join('、')}
            </div>
            {m.minutes && <p className="routine-minutes">{m.minutes}</p>}
            {m.files.length > 0 && (
              <div className="insp-files">
                {m.files.map((f) => (
                  <button key={f.attachmentId} type="button" className="button" onClick={() => void download(f.attachmentId)}>
                    {f.fileName}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      {dialog && (
        <MeetingDialog
          block={block}
          meeting={dialog.meeting}
          onClose={() => setDialog(null)}
          onSaved={(m) => {
            setDialog(null);
            onSaved(t('routine.meeting.saved', { topic: m.topic }));
          }}
        />
      )}
    </section>
  );
}
