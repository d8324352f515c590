import { useTranslation } from 'react-i18next';

interface ProgressBarProps {
  /** what is happening now, e.g. 读取文件 */
  label: string;
  done?: number;
  /** null or undefined: not known yet, the bar moves without a measure */
  total?: number | null;
  onCancel?: () => void;
  cancelling?: boolean;
}

/** A labelled progress bar with done / total and an optional 取消. */
export function ProgressBar({ label, done = 0, total, onCancel, cancelling = false }: ProgressBarProps) {
  const { t } = useTranslation();
  const known = typeof total === 'number' && total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-text">
        <span className="progress-label">{label || t('progress.working')}</span>
        {known && <span className="progress-count">{t('progress.count', { done: done.toLocaleString('zh-CN'), total: total.toLocaleString('zh-CN') })}</span>}
      </div>
      <div className="progress-row">
        <div
          className={`progress-track${known ? '' : ' progress-indeterminate'}`}
          role="progressbar"
          aria-label={label || t('progress.working')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
        </div>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? t('progress.cancelling') : t('common.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
