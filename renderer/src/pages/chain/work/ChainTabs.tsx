import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../../router/hash-router.ts';
import { TabBar } from '../../../components/TabBar.tsx';

export const chainViews = ['roster', 'feedback', 'supervisors'] as const;
export type ChainView = (typeof chainViews)[number];

/** 工作联系名册 / 问题反馈 / 监督员工作: the chain page's three views. */
export function ChainTabs({ current }: { current: ChainView }) {
  const { t } = useTranslation();
  return <TabBar label={t('chain.title')} tabs={chainViews} current={current} href={(id) => hrefFor('chain', id === 'roster' ? {} : { view: id })} text={(id) => t(`chainWork.tab.${id}`)} />;
}
