import type { PublicityKind } from '../../api/schemas/publicity.ts';

/** The kinds of activity as the seed names them (安全生产月, 进学校、进企业、进社区, 送培训进企业). */
export const publicityKindLabels: Record<PublicityKind, string> = {
  safety_month: '安全生产月',
  into_schools: '进学校',
  into_enterprises: '进企业',
  into_communities: '进社区',
  training_into_enterprises: '送培训进企业',
  other: '其他',
};
