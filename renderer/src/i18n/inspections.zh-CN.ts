// 专项检查 pages, in Simplified Chinese. Merged into zh-CN.ts as `inspections`;
// inspections.en.ts must have exactly the same keys (checked through Messages).

export const inspectionsZh = {
  title: '专项检查',
  intro: '检查计划、检查记录和安全监察指令书。',
};
