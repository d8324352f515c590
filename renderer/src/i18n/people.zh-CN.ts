// 经办人 (who works at this desk) and the form kit's words, in Simplified Chinese.
// Merged into zh-CN.ts as `people` and `forms`; people.en.ts must have exactly the same keys.

export const peopleZh = {
  header: '经办人：{{name}}',
  headerTitled: '经办人：{{name}}（{{title}}）',
  switch: '切换',
  switchLabel: '切换经办人（当前：{{name}}）',
  chooser: {
    title: '选择经办人',
    intro: '本机的每一项操作（登记、审核、导入导出、打印的经办人栏）都记录经办人的姓名。请选择您本人。',
    introFirst: '本机还没有经办人员名单。请先添加您本人，以后每次启动时从名单中选择。',
    listLabel: '经办人员',
    choose: '选择 {{name}}',
    current: '当前',
    add: '新增人员',
    addTitle: '新增经办人员',
    cancel: '取消',
    manageHint: '修改姓名、停用离岗人员：设置 → 经办人员。',
    restartNote: '关闭程序后再次启动时需重新选择。',
  },
  form: {
    name: '姓名',
    title: '职务',
    titleHint: '如科长、副科长、监察员、办事员',
    active: '在用（可选为经办人）',
    save: '保存',
    add: '添加',
  },
  titles: ['科长', '副科长', '监察员', '办事员', '主任', '局长'],
  section: {
    title: '经办人员',
    intro: '在本机办理业务的人员。每次启动时从名单中选择经办人；离岗人员停用即可（其姓名仍保留在以往的记录中）。名单只保存在本机，不随数据包发送。',
    add: '新增人员',
    edit: '修改',
    deactivate: '停用',
    restore: '恢复',
    columnName: '姓名',
    columnTitle: '职务',
    columnState: '状态',
    active: '在用',
    inactive: '已停用',
    current: '（当前经办人）',
    editTitle: '修改经办人员',
    saved: '已保存“{{name}}”',
    deactivated: '已停用“{{name}}”',
    restored: '已恢复“{{name}}”',
  },
  firstStart: {
    legend: '经办人（您本人）',
    hint: '本机的每一项操作都记录经办人的姓名；以后可在“设置 → 经办人员”中添加同事。',
    name: '您的姓名',
    title: '职务',
    nameRequired: '请填写您的姓名',
    titleRequired: '请填写您的职务（如科长、监察员、办事员）',
  },
};

export const formsZh = {
  counter: '{{length}} / {{max}}',
  counterLabel: '已输入 {{length}} 个字，最多 {{max}} 个字',
  overLimit: '超出 {{over}} 个字，请删减（最多 {{max}} 个字）',
  summary: '有 {{count}} 处需要修改：',
};
