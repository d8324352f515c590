import type { LedgerField, SheetKind } from '../../api/schemas/ledger.ts';

// Data, not logic: the header texts real ledgers use for each field. Exports from
// the provincial system, the 2019/2020 campaign templates and hand-kept WPS sheets
// name the same column differently. Matching ignores spaces, full/half width,
// case and bracketed notes ("下次检验日期（年月日）"), so list each wording once.
// Add a wording here rather than in code.

/** Fields that only an equipment sheet has: they decide a sheet's kind. */
export const equipmentOnly = [
  'kind',
  'category',
  'variety',
  'equipmentCode',
  'registrationCode',
  'registrationNo',
  'location',
  'status',
  'lastInspectionDate',
  'nextInspectionDate',
  'internalNo',
  'model',
  'productNo',
  'manufacturer',
  'commissionedDate',
] as const satisfies readonly LedgerField[];

/** Fields that only a safety-manager sheet has. */
export const managersOnly = ['personName', 'idNumber', 'itemCode', 'certificateNo', 'issuedDate', 'expiryDate', 'phone'] as const satisfies readonly LedgerField[];

export const fieldSynonyms: Record<SheetKind, Partial<Record<LedgerField, readonly string[]>>> = {
  equipment: {
    districtName: ['所属分局', '分局', '所属辖区', '辖区', '监管分局', '管辖分局', '属地分局', '所属监管分局'],
    unitName: ['使用单位名称', '使用单位', '单位名称', '设备使用单位', '设备使用单位名称', '使用单位全称', '企业名称', '单位'],
    uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '使用单位统一社会信用代码', '单位统一社会信用代码', '使用单位信用代码'],
    unitAddress: ['使用单位地址', '单位地址', '使用单位详细地址', '单位注册地址', '注册地址', '单位所在地'],
    kind: ['设备种类', '种类', '设备种类名称', '种类名称', '设备种类代码', '种类代码'],
    category: ['设备类别', '类别', '设备类别名称', '类别名称', '设备类别代码', '类别代码'],
    variety: ['设备品种', '品种', '设备品种名称', '品种名称', '设备品种代码', '品种代码'],
    equipmentCode: ['设备代码', '设备编码', '设备唯一代码', '设备代码编号'],
    registrationCode: ['注册代码', '设备注册代码', '注册编码', '设备注册编码', '注册代码编号'],
    registrationNo: ['使用登记证编号', '使用登记证号', '使用登记证号码', '使用证编号', '使用证号', '登记证编号', '登记证号', '使用登记编号', '登记编号'],
    location: ['设备使用地点', '使用地点', '设备地点', '安装地点', '设备安装地点', '设备所在地点', '设备使用地址'],
    status: ['设备状态', '状态', '使用状态', '设备使用状态'],
    lastInspectionDate: [
      '上次检验日期',
      '检验日期',
      '最近检验日期',
      '最近一次检验日期',
      '本次检验日期',
      '末次检验日期',
      '上次定检日期',
      '定检日期',
      '定期检验日期',
      '上次检验时间',
      '检验时间',
    ],
    nextInspectionDate: ['下次检验日期', '下次定检日期', '下检日期', '下次检验时间', '下次检验到期日期', '检验到期日期', '检验有效期至', '下次检验日'],
    internalNo: ['单位内编号', '单位内部编号', '内部编号', '设备内部编号', '单位设备编号', '自编号'],
    model: ['型号规格', '规格型号', '型号', '设备型号', '规格', '设备型号规格'],
    productNo: ['产品编号', '出厂编号', '制造编号', '产品出厂编号', '设备出厂编号'],
    manufacturer: ['制造单位', '制造单位名称', '生产单位', '制造厂', '制造厂家', '生产厂家', '制造商', '设备制造单位'],
    commissionedDate: ['投入使用日期', '投用日期', '启用日期', '投入使用时间', '开始使用日期', '使用日期'],
  },
  managers: {
    unitName: ['使用单位名称', '使用单位', '单位名称', '所在单位', '工作单位', '用人单位', '企业名称', '单位'],
    uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '单位统一社会信用代码', '使用单位统一社会信用代码'],
    personName: ['姓名', '人员姓名', '安全管理员', '安全管理员姓名', '安全管理人员', '安全管理人员姓名', '持证人', '持证人姓名', '持证人员姓名'],
    idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '身份证件号码', '证件号'],
    itemCode: ['作业项目', '作业项目代号', '作业项目代码', '项目代号', '作业类别', '作业种类', '持证项目', '证书项目', '作业项目名称'],
    certificateNo: ['证书编号', '证书号', '证书号码', '证号', '作业人员证编号', '作业人员证号', '资格证编号', '持证编号', '证件编号'],
    issuedDate: ['发证日期', '发证时间', '取证日期', '批准日期', '证书发证日期'],
    expiryDate: ['有效期至', '证书有效期至', '有效期', '有效日期', '有效期截止', '有效期截止日期', '证书有效期', '到期日期', '证书到期日期'],
    phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '移动电话', '联系手机'],
  },
};

/**
 * Columns that describe a row's position, not the equipment: 序号 changes whenever
 * a sheet is sorted or filtered, and 错误原因 / 导入情况 / 工作表 / 行号 are what our own error
 * report adds. Storing them would make every re-import look like a change.
 */
export const ignoredHeaders = ['序号', '序', '编号序号', 'no', 'no.', '行号', '原行号', '工作表', '原工作表', '错误原因', '导入情况'] as const;
