import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../../router/hash-router.ts';

export const chainViews = ['roster', 'feedback', 'supervisors'] as const;
export type ChainView = (typeof chainViews)[number];

/** 工作联系名册 / 问题反馈 / 监督员工作: the chain page's three views. */
export function ChainTabs({ current }: { current: ChainView }) {
  const { t } = useTranslation();
  return (
    <nav className="insp-tabs" aria-label={t('chain.title')}>
      {chainViews.map((id) => (
        <a key={id} href={hrefFor('chain', id === 'roster' ? {} : { view: id })} className="insp-tab" aria-current={id === current ? 'page' : undefined}>
          {t(`chainWork.tab.${id}`)}
        </a>
      ))}
    </nav>
  );
}
