// The window frame and words every page shares, in Simplified Chinese. Merged into zh-CN.ts;
// shell.en.ts must have exactly the same keys (checked through Messages).

export const appZh = {
  title: '区块链监管工作台',
  subtitle: '特种设备“区、块、链”监管',
  loading: '正在加载…',
  startFailed: '无法读取本机数据',
  retry: '重试',
  role: {
    district: '分局',
    training: '培训中心',
    bureau: '市局',
  },
  nodeLabel: '本机：{{name}}（{{role}}）',
};

export const apiZh = {
  noBridge: '界面未连接到本机服务。请从桌面程序打开，或在浏览器模式下使用启动时显示的完整地址。',
  internal: '操作失败，请重试；如仍出错，请联系技术支持。',
};

export const navZh = {
  label: '主导航',
  areaLedger: '辖区与台账',
  overview: '概览',
  units: '使用单位',
  equipment: '特种设备',
  managers: '安全管理员',
  lists: '两项清单',
  ledger: '台账导入',
  blocks: '安全管理小组（块）',
  chain: '工作联系（链）',
  acceptance: '示范单位验收',
  training: '培训考核',
  hazards: '隐患闭环',
  inspections: '专项检查',
  complaints: '投诉举报',
  summaries: '月度工作小结',
  bundles: '数据包交换',
  city: '全市概况',
  steering: '推进与考核',
  settings: '设置',
  keys: '密钥与信任',
  audit: '审计日志',
  risk: '风险分级管控',
  publicity: '宣传与进企业培训',
};

export const commonZh = {
  cancel: '取消',
  save: '保存',
  saving: '正在保存…',
  close: '关闭',
  yes: '是',
  no: '否',
  required: '必填',
  attention: '需要关注：',
  refineSearch: '只列出前 {{count}} 个，请输入更多文字缩小范围',
  confirm: '确定',
};

export const printZh = {
  // the words around the page numbers at the foot of every printed list page
  pageBefore: '第 ',
  pageMiddle: ' 页 共 ',
  pageAfter: ' 页',
  preparedBy: '填表人：',
  checkedBy: '审核人：',
  date: '日期：',
  dateBlank: '　　　　年　　月　　日',
};

export const progressZh = {
  working: '正在处理…',
  count: '{{done}} / {{total}}',
  cancelling: '正在取消…',
};

export const gridZh = {
  columns: '列',
  columnsHint: '选择要显示的列（导出时只导出显示的列）',
  columnsTitle: '显示的列',
  columnsReset: '恢复默认',
  export: '导出 Excel',
  exportHint: '按当前的筛选、排序和显示的列导出全部行',
  exporting: '正在导出…',
  exported: '已导出“{{fileName}}”',
};

export const catalogueZh = {
  kind: {
    '1000': '锅炉',
    '2000': '压力容器',
    '3000': '电梯',
    '4000': '起重机械',
    '5000': '场（厂）内专用机动车辆',
    '6000': '大型游乐设施',
    '7000': '压力管道元件',
    '8000': '压力管道',
    '9000': '客运索道',
    F000: '安全附件',
  },
};
