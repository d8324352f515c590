import { z } from 'zod';
import { Id, OptionalText } from './common.ts';

// 宣传与进企业培训 (issue 19): a district office's log of publicity and training
// activities (安全生产月, 进学校 / 进企业 / 进社区, 送培训进企业), with photos.

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD');
const StagedId = z.string().regex(/^[0-9a-f]{64}$/, '照片应先上传');

export const PublicityKind = z.enum(['safety_month', 'into_schools', 'into_enterprises', 'into_communities', 'training_into_enterprises', 'other'], {
  message: '活动类型应为安全生产月、进学校、进企业、进社区、送培训进企业或其他',
});
export type PublicityKind = z.infer<typeof PublicityKind>;
export const publicityKinds = PublicityKind.options;

export const PublicityPhoto = z.object({ attachmentId: Id, fileName: z.string(), mimeType: z.string(), size: z.number().int() });

export const PublicityActivity = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  districtId: Id,
  districtName: z.string(),
  kind: PublicityKind,
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  audience: z.string(),
  participants: z.number().int(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  organizer: z.string().nullable(),
  content: z.string().nullable(),
  photos: z.array(PublicityPhoto),
  /** this node logged it (only the office that logged an activity changes it) */
  mine: z.boolean(),
});
export type PublicityActivity = z.infer<typeof PublicityActivity>;

const Fields = {
  kind: PublicityKind.meta({ label: '类型' }),
  title: z.string().trim().min(1, '请填写活动名称').max(100, '活动名称不能超过 100 个字符').meta({ label: '名称' }),
  heldOn: IsoDate.meta({ label: '活动日期' }),
  place: z.string().trim().min(1, '请填写活动地点').max(100, '活动地点不能超过 100 个字符').meta({ label: '地点' }),
  audience: z.string().trim().min(1, '请填写活动对象（如：辖区使用单位安全管理员）').max(100, '活动对象不能超过 100 个字符').meta({ label: '活动对象' }),
  participants: z
    .number({ message: '参加人数应为整数' })
    .int('参加人数应为整数')
    .min(1, '参加人数至少为 1 人')
    .max(100000, '参加人数不能超过 100000 人')
    .meta({ label: '参加人数' }),
  unitId: Id.nullish().transform((v) => v ?? null).meta({ label: '使用单位' }),
  organizer: OptionalText(100).meta({ label: '主讲或承办单位' }),
  content: OptionalText(2000).meta({ label: '内容' }),
};

export const PublicitySaveInput = z.object({
  /** absent: a new activity */
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  ...Fields,
  /** photos staged with files.stage, added to the activity */
  addPhotos: z.array(StagedId).max(30, '一次最多添加 30 张照片').default([]).meta({ label: '照片' }),
  /** attachments taken off the activity */
  removePhotos: z.array(Id).max(100).default([]).meta({ label: '照片' }),
});

export const PublicityListInput = z.object({
  districtId: Id.optional().meta({ label: '所属分局' }),
  kind: PublicityKind.optional().meta({ label: '类型' }),
  /** held on or after */
  from: IsoDate.optional().meta({ label: '起始日期' }),
  /** held on or before */
  to: IsoDate.optional().meta({ label: '截止日期' }),
});

export const PublicityDeleteInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) });

/** The month's figures for the summary: activities by kind and people reached. */
export const PublicityFigures = z.object({
  activities: z.number().int(),
  participants: z.number().int(),
  byKind: z.array(z.object({ kind: PublicityKind, activities: z.number().int(), participants: z.number().int() })),
});
export type PublicityFigures = z.infer<typeof PublicityFigures>;
