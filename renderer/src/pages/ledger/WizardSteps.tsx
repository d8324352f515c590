import { useTranslation } from 'react-i18next';

/** 1 选择文件 → 2 预览检查 → 3 导入, with the current one marked. */
export function WizardSteps({ current }: { current: 1 | 2 | 3 }) {
  const { t } = useTranslation();
  const steps = [t('ledger.steps.choose'), t('ledger.steps.preview'), t('ledger.steps.apply')];
  return (
    <ol className="wizard-steps" aria-label={t('ledger.steps.label')}>
      {steps.map((label, i) => (
        <li key={label} className={i + 1 === current ? 'wizard-step-current' : i + 1 < current ? 'wizard-step-done' : undefined} aria-current={i + 1 === current ? 'step' : undefined}>
          <span className="wizard-step-number">{i + 1}</span>
          {label}
        </li>
      ))}
    </ol>
  );
}
