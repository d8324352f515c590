import type { FigureRow, SummaryFigures } from '../../api/schemas/summaries.ts';
import { dateLabel } from './month.ts';
import { publicityKindLabels } from '../publicity/labels.ts';

// The figures table of 一、工作开展情况, worded once: the page, the print and the .docx
// show these same rows, so the three never disagree on a number or its wording.

export const NO_DATA = '无数据';

const problemLabels: Record<string, string> = {
  'too-small': '成员过少',
  'too-large': '成员过多',
  'no-lead': '未指定牵头单位',
  'lead-not-demo': '牵头单位未通过示范验收',
  'member-without-manager': '成员单位无持证安全管理员',
  'no-inspector': '未指定监察人员',
  'supervisor-without-a': '监督员无有效安全管理员证',
  'supervisor-not-certified': '监督员未取得监督员证',
  'activity-overdue': '活动逾期未开展',
};

const n = (value: number | null, unit: string) => (value === null ? NO_DATA : `${value} ${unit}`);

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });
}

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 块的日常 and 链's 问题反馈 (issue 19): nothing for figures frozen before they were counted. */
function routineRows(f: SummaryFigures, asOf: string): FigureRow[] {
  const out: FigureRow[] = [];
  const row = (key: string, section: string, label: string, value: string, note: string | null = null) => out.push({ key, section, label, value, note });
  if (f.routine) {
    row('blockSelfChecks', '安全管理小组（块）', '成员单位自查', n(f.routine.selfChecks, '家次'), '自查记录已定稿');
    row('blockMutualChecks', '安全管理小组（块）', '成员单位互查', n(f.routine.mutualChecks, '家次'), '互查记录已定稿');
    row('blockMeetings', '安全管理小组（块）', '小组会议、交流学习', n(f.routine.meetings, '次'));
    row('blockActivitiesOverdue', '安全管理小组（块）', '逾期未开展的小组活动', n(f.routine.activitiesOverdue, '项'), asOf);
  }
  if (f.feedback) {
    const { received, answered, toHazard, closed } = f.feedback;
    row('feedbackReceived', '工作联系（链）', '受理安全管理员问题反馈', n(received, '件'), `答复 ${answered} 件，转为隐患 ${toHazard} 件`);
    row('feedbackClosed', '工作联系（链）', '办结安全管理员问题反馈', n(closed, '件'));
  }
  return out;
}

export function figureRows(f: SummaryFigures): FigureRow[] {
  const asOf = `截至${dateLabel(f.asOf)}`;
  const row = (key: string, section: string, label: string, value: string, note: string | null = null): FigureRow => ({ key, section, label, value, note });
  const t = f.training;
  const problems = f.blocks.problems.map((p) => `${problemLabels[p.code] ?? p.code} ${p.count} 个`).join('；');
  return [
    row('units', '台账筛选与两项清单', '辖区使用单位', n(f.registry.units, '家'), asOf),
    row('list1Units', '台账筛选与两项清单', '清单一：20 台以上设备使用单位', n(f.registry.list1Units, '家'), asOf),
    row('list2Managers', '台账筛选与两项清单', '清单二：持证特种设备安全管理员', n(f.registry.list2Managers, '人'), asOf),
    row('blocksActive', '安全管理小组（块）', '已组建安全管理小组', n(f.blocks.active, '个'), `本月新组建 ${f.blocks.formed} 个`),
    row('blocksWithProblems', '安全管理小组（块）', '存在问题的小组', n(f.blocks.withProblems, '个'), problems || null),
    ...routineRows(f, asOf),
    row('demoPassed', '示范单位', '通过验收（已发牌）', n(f.demo.passed, '家'), `本月通过 ${f.demo.passedInMonth} 家`),
    row('demoInProgress', '示范单位', '创建、自查、审核中', n(f.demo.inProgress, '家'), f.demo.returned ? `退回整改 ${f.demo.returned} 家` : null),
    row('trainingSessions', '培训考核', '举办培训班', n(t.sessions, '期'), t.sessions === null ? '本机未保存培训数据（由技术服务中心组织）' : null),
    row(
      'trainingPassRate',
      '培训考核',
      '考核合格率',
      t.passRate === null ? NO_DATA : percent(t.passRate),
      t.candidates === null ? '本机未保存考试成绩' : t.candidates === 0 ? '本月无已公布的考试成绩' : `参考 ${t.candidates} 人，合格 ${t.passed} 人`,
    ),
    row('supervisorsCertified', '培训考核', '新颁发特种设备安全监督员证', n(t.supervisorsCertified, '人'), t.supervisorsCertified === null ? '本机未保存监督员证数据' : null),
    row('inspectionsDone', '专项检查', '完成检查', n(f.inspections.done, '家次'), '检查记录已定稿'),
    row('ordersIssued', '专项检查', '下达安全监察指令书', n(f.inspections.ordersIssued, '份'), null),
    row('hazardsFound', '隐患排查治理', '发现隐患', n(f.hazards.found, '处')),
    row('hazardsClosed', '隐患排查治理', '闭环销号', n(f.hazards.closed, '处')),
    row('hazardsOverdue', '隐患排查治理', '逾期未整改', n(f.hazards.overdue, '处'), asOf),
    row('complaintsReceived', '投诉举报', '受理投诉举报', n(f.complaints.received, '件')),
    row('complaintsHandled', '投诉举报', '办结投诉举报', n(f.complaints.handled, '件')),
    row('rewardsApproved', '投诉举报', '批准举报奖励', n(f.complaints.rewardsApproved, '笔'), f.complaints.rewardsApproved ? `合计 ${yuan(f.complaints.rewardsApprovedFen)} 元` : null),
    ...publicityRows(f),
  ];
}

// 宣传与进企业培训 (issue 19): figures frozen before the log existed have none, and show none
function publicityRows(f: SummaryFigures): FigureRow[] {
  const p = f.publicity;
  if (!p) return [];
  const byKind = p.byKind.map((k) => `${publicityKindLabels[k.kind]} ${k.activities} 次`).join('、');
  const people = p.byKind.map((k) => `${publicityKindLabels[k.kind]} ${k.participants} 人次`).join('、');
  return [
    { key: 'publicityActivities', section: '宣传与进企业培训', label: '开展宣传和培训活动', value: `${p.activities} 次`, note: byKind || null },
    { key: 'publicityParticipants', section: '宣传与进企业培训', label: '参加活动人数', value: `${p.participants} 人次`, note: people || null },
  ];
}
