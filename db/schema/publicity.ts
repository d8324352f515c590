import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { districts } from './district.ts';
import { units } from './unit.ts';

// 宣传与进企业培训 (issue 19): the seed asks offices to use 安全生产月 and the
// 进学校、进企业、进社区 activities, and to take training into enterprises. A district
// office logs each activity; the log travels to the bureau, which reads it.

export const publicityKinds = ['safety_month', 'into_schools', 'into_enterprises', 'into_communities', 'training_into_enterprises', 'other'] as const;

export const publicityActivities = sqliteTable(
  'publicity_activities',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** 安全生产月 / 进学校 / 进企业 / 进社区 / 送培训进企业 / 其他 */
    kind: text('kind', { enum: publicityKinds }).notNull(),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    place: text('place').notNull(),
    /** 对象: who was reached (安全管理员、学生、居民 …) */
    audience: text('audience').notNull(),
    /** 人数 */
    participants: integer('participants').notNull(),
    /** the enterprise visited, when it is a unit of the ledger */
    unitId: text('unit_id').references(() => units.id),
    /** 主讲 / 承办 */
    organizer: text('organizer'),
    /** 活动内容 */
    content: text('content'),
    /** JSON array of attachments ids (the shared content-hash store) */
    photos: text('photos').notNull().default('[]'),
  },
  (t) => [index('publicity_activities_district_held').on(t.districtId, t.heldOn), index('publicity_activities_updated').on(t.updatedAt, t.id)],
);
