// The first-start wizard, in Simplified Chinese. Merged into zh-CN.ts;
// first-start.en.ts must have exactly the same keys (checked through Messages).

export const firstStartZh = {
  title: '首次启动',
  intro: '本机尚未设置节点身份。请选择本机属于哪个单位；设置后不能更改（如需更换，请使用新的数据文件）。',
  role: '节点类型',
  roleHint: {
    district: '辖区台账、两个清单、块与链、示范单位验收',
    training: '培训、考核、证书与监督员库',
    bureau: '接收并合并各节点的数据包，全市汇总',
  },
  name: '本节点名称',
  namePlaceholder: '例如：塘桥分局',
  district: '所管辖分局',
  chooseDistrict: '请选择分局',
  districtRequired: '请选择本分局所管辖的分局',
  nameRequired: '请填写本节点名称',
  defaultName: '{{district}}分局',
  passphrase: '私钥口令',
  passphraseConfirm: '再次输入口令',
  passphraseHint: '用于保护本机的签名和加密私钥，至少 8 个字符。',
  safeStorageNote: '本机的私钥将由系统密钥保管功能保护，无需设置口令。',
  submit: '完成设置',
  submitting: '正在设置…',
};
