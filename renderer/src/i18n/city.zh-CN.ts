// The 市局 city view, in Simplified Chinese. Merged into zh-CN.ts;
// city.en.ts must have exactly the same keys (checked through Messages).

export const cityZh = {
  title: '全市概况',
  bundlesLink: '数据包交换',
  steeringLink: '推进看板（含未启用的分局）',
  bureauOnly: '全市概况只在市局节点上有数据。',
  none: '还没有登记任何单位。请先登记各分局、培训中心的公钥。',
  nameSeparator: '、',
  allFresh: '各单位最近 {{days}} 天内都报送了数据包。',
  attention: {
    stale: '{{names}}超过 {{days}} 天未报送数据包',
    never: '{{names}}尚未报送过数据包',
    revoked: '{{names}}的密钥已吊销，需重新登记后才能接收其数据包',
  },
  totals: '共 {{offices}} 个单位：使用单位 {{units}} 家，特种设备 {{equipment}} 台，安全管理员 {{managers}} 人。',
  offices: '各单位报送情况（{{count}} 个）',
  link: {
    units: '查看全市使用单位',
    equipment: '查看全市特种设备',
    managers: '查看全市安全管理员',
    lists: '查看全市两项清单',
  },
  reporting: {
    ok: '正常',
    stale: '{{days}} 天未报送',
    never: '尚未报送',
  },
  key: {
    active: '有效',
    revoked: '已吊销',
  },
  column: {
    node: '单位',
    role: '类型',
    lastSequence: '最近数据包序号',
    lastCreatedAt: '制作时间',
    lastImportedAt: '导入时间',
    units: '使用单位数',
    equipment: '设备数',
    managers: '安全管理员数',
    reporting: '报送情况（{{days}} 天）',
    key: '密钥状态',
  },
};
