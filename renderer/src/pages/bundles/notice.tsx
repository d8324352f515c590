import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { PassphraseCancelled } from './usePassphrase.tsx';

export type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;

/** A failed call: the user's own 取消 changed nothing and is said calmly; anything else as the core said it. */
export function failureNotice(t: TFunction, error: unknown): Notice {
  if (error instanceof PassphraseCancelled || (error instanceof ApiError && error.code === 'CANCELLED')) return { tone: 'info', text: t('bundles.cancelled') };
  return { tone: 'error', text: errorMessage(error) };
}

export function NoticeLine({ notice, testId }: { notice: Notice; testId: string }) {
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {notice.text}
    </div>
  );
}
