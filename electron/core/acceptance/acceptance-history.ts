import type { AcceptanceDetail } from '../../api/schemas/acceptance.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';

// A file's 经办记录: its entries in the audit log, newest first, in words.

const callLabels: Record<string, string> = {
  'acceptance.create': '建立验收档案',
  'acceptance.update': '修改档案信息',
  'acceptance.saveItem': '填写检查项',
  'acceptance.attachEvidence': '添加佐证材料',
  'acceptance.removeEvidence': '移除佐证材料',
  'acceptance.transition': '办理',
  'acceptance.decide': '市局验收意见',
  'acceptance.publishTemplate': '发布标准化样本',
  'acceptance.withdrawTemplate': '撤下标准化样本',
};

export function historyOf(ctx: CoreContext, fileId: string): AcceptanceDetail['history'] {
  const like = `%${fileId}%`;
  const rows = all(
    ctx.database.sqlite,
    sql<{ at: string; actor: string; call: string; after: string | null }>`
      SELECT at, actor, call, after FROM audit_log WHERE table_name LIKE 'acceptance_%' AND (row_ids LIKE ${like} OR after LIKE ${like}) ORDER BY seq DESC LIMIT 200`,
  );
  return rows.map((r) => {
    let what = callLabels[r.call] ?? r.call;
    try {
      const after = r.after ? (JSON.parse(r.after) as Record<string, unknown>) : {};
      if (typeof after['label'] === 'string') what = `${what}：${after['label']}`;
      else if (typeof after['code'] === 'string') what = `${what} ${after['code']}`;
    } catch {
      // an unreadable entry is shown by its call only
    }
    return { at: r.at, actor: r.actor, call: r.call, what };
  });
}
