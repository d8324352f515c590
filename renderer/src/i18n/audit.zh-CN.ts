// 审计日志 page and the city view's audit-chain column, in Simplified Chinese.
// Merged into zh-CN.ts as `audit`; audit.en.ts must have exactly the same keys.

export const auditZh = {
  title: '审计日志',
  intro:
    '本机每一次修改数据、导入导出都记入审计日志：每条记录带有上一条的哈希，连成一条链；每次导出数据包或出具回执时，链的最新位置（锚点）用本机私钥签名后随之送出。核验时检查链是否完整、是否仍能接上已签名的锚点。日志中的身份证号、电话等个人信息均已遮挡。',
  verify: '重新核验',
  verifying: '正在核验…',
  ok: '核验通过：共 {{entries}} 条记录，哈希链完整。',
  okAnchored: '核验通过：共 {{entries}} 条记录，哈希链完整，并且仍能接上已签名的锚点（第 {{anchored}} 条）。',
  notAnchored: '尚未导出过数据包或出具过回执，还没有已签名的锚点：删除最新的记录或整条链重算哈希，只有在锚点送出后才能被发现。',
  failed: '核验未通过，发现 {{count}} 处问题：',
  failedHint: '审计日志被删改过。请勿继续修改数据，立即联系市局信息管理人员，并保留本机数据文件夹的副本。',
  cli: '命令行：qkl audit verify --db 数据文件 [--json]',
  entries: '最近的记录',
  empty: '还没有任何记录。',
  column: {
    seq: '序号',
    at: '时间',
    actor: '经办人',
    call: '操作',
    table: '数据表',
    rows: '行数',
  },
  /** tables of this node only (not in bundles) */
  table: {
    bundles_sent: '已导出数据包',
    bundles_received: '已导入数据包',
    node_identity: '本节点身份',
    node_keys: '本节点密钥',
    trusted_keys: '已信任公钥',
    settings: '设置',
  },
  range: '第 {{from}}–{{to}} 条，共 {{total}} 条（最新在前）',
  previous: '上一页',
  next: '下一页',
  city: {
    column: '审计链',
    ok: '完整',
    none: '无锚点',
    broken: '断裂 {{count}} 次',
    breakDetail: '审计链断裂：{{date}} 导入的数据包，第 {{seq}} 条。{{message}}',
    breakLine: '{{name}}：{{date}} 导入的数据包，第 {{seq}} 条。{{message}}',
    attention: '{{names}}的审计链断裂（数据已导入，请核实该单位是否删改过审计日志）',
  },
};
