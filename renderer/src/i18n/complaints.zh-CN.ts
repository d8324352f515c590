// 投诉举报 pages, in Simplified Chinese. Merged into zh-CN.ts as `complaints`;
// complaints.en.ts must have exactly the same keys (checked through Messages).

export const complaintsZh = {
  title: '投诉举报',
  intro: '投诉举报登记、处理和举报奖励。',
};
