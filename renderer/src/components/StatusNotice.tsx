/** A page's last outcome: a quiet status, or an alert that says what went wrong. */
export type Status = { tone: 'ok' | 'error'; text: string } | null;

export function StatusNotice({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <div className={`notice ${status.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={status.tone === 'error' ? 'alert' : 'status'}>
      {status.text}
    </div>
  );
}
