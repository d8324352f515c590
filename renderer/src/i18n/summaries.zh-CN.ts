// 月度工作小结 pages, in Simplified Chinese. Merged into zh-CN.ts as `summaries`;
// summaries.en.ts must have exactly the same keys (checked through Messages).

export const summariesZh = {
  title: '月度工作小结',
  intro: '每月 25 日前向市局报送工作小结。',
};
