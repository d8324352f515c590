// What each synced table holds, in the users' words: the one list that the core's refusal
// messages, the CLI's bundle reports and the renderer's exchange and audit pages all read.
// Plain data with no imports, so the renderer may import it as a value (eslint.config.js
// allows this one file). Keys in bundle order, the order of electron/core/sync/tables.ts;
// electron/core/sync/table-labels.test.ts fails for a synced table without a label, an
// extra label or another order.
export const syncTableLabels = {
  districts: '分局',
  units: '使用单位',
  equipment: '特种设备',
  safety_managers: '安全管理员',
  attachments: '附件',
  blocks: '安全管理小组',
  block_members: '小组成员',
  inspectors: '监察人员',
  block_inspectors: '小组监察人员',
  block_supervisors: '小组安全监督员',
  block_schedules: '小组活动安排',
  block_checks: '小组自查互查记录',
  block_meetings: '小组会议和交流学习',
  acceptance_files: '示范单位验收档案',
  acceptance_items: '验收检查项',
  acceptance_evidence: '验收佐证材料',
  acceptance_decisions: '市局验收意见',
  acceptance_templates: '制度文件标准化样本',
  city_templates: '全市标准化样本',
  training_sessions: '培训班',
  // one row is one person on a session's roster, so 学员 rather than 名单 (the whole list)
  training_attendees: '培训学员',
  question_banks: '题库',
  questions: '试题',
  exams: '考试',
  exam_candidates: '考生',
  exam_results: '考试成绩',
  supervisor_certificates: '安全监督员证',
  supervisor_pool: '监督员库',
  training_registry: '培训中心安全管理员名单',
  hazards: '隐患',
  hazard_events: '隐患整改记录',
  manager_feedback: '安全管理员问题反馈',
  supervisor_work_entries: '安全监督员工作记录',
  inspection_checklists: '检查表',
  inspection_plans: '检查计划',
  inspection_records: '检查记录',
  supervision_orders: '安全监察指令书',
  complaints: '投诉举报',
  complaint_rewards: '举报奖励',
  publicity_activities: '宣传培训活动',
  monthly_summaries: '月度工作小结',
  summary_reviews: '市局小结审阅意见',
  bureau_key_statements: '市局密钥声明',
} as const;

/** The synced tables by name, as far as the contract knows them (the core's list must equal it). */
export type LabelledTable = keyof typeof syncTableLabels;

export function isLabelledTable(name: string): name is LabelledTable {
  return Object.prototype.hasOwnProperty.call(syncTableLabels, name);
}
