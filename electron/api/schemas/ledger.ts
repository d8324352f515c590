import { z } from 'zod';
import { JobId } from './jobs.ts';

// 台账导入 (issue 3). One implementation behind the wizard and `qkl import-ledger`:
// preview reads and checks the file and builds a plan; apply executes exactly that plan.

export const equipmentSheetFields = [
  'districtName', // 所属分局
  'unitName', // 使用单位名称
  'uscc', // 统一社会信用代码
  'unitAddress', // 使用单位地址
  'kind', // 设备种类
  'category', // 设备类别
  'variety', // 设备品种
  'equipmentCode', // 设备代码
  'registrationCode', // 注册代码
  'registrationNo', // 使用登记证编号
  'location', // 设备使用地点
  'status', // 设备状态
  'lastInspectionDate', // 上次检验日期
  'nextInspectionDate', // 下次检验日期
  'internalNo', // 单位内编号
  'model', // 型号规格
  'productNo', // 产品编号
  'manufacturer', // 制造单位
  'commissionedDate', // 投入使用日期
] as const;

export const managerSheetFields = [
  'unitName', // 使用单位名称
  'uscc', // 统一社会信用代码
  'personName', // 姓名
  'idNumber', // 身份证号
  'itemCode', // 作业项目
  'certificateNo', // 证书编号
  'issuedDate', // 发证日期
  'expiryDate', // 有效期至
  'phone', // 联系电话
] as const;

export const LedgerField = z.enum([...new Set([...equipmentSheetFields, ...managerSheetFields])] as [string, ...string[]]);
export type LedgerField = (typeof equipmentSheetFields)[number] | (typeof managerSheetFields)[number];

export const SheetKind = z.enum(['equipment', 'managers']);
export type SheetKind = z.infer<typeof SheetKind>;

/** Where the ledger comes from: a file the page staged, or (CLI and tests only) a path. */
export const LedgerSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staged').meta({ label: '文件来源' }), id: z.string().regex(/^[0-9a-f]{64}$/).meta({ label: '文件' }) }),
  z.object({ kind: z.literal('path'), path: z.string().min(1).meta({ label: '文件路径' }) }),
]);

/** header text as it stands in the file → the field it means, or 'extra' to keep it as an extra attribute */
export const ColumnMapping = z.record(z.string().max(100), z.union([LedgerField, z.literal('extra')]));

/** One row of the file, as the preview names it (sheet name and Excel row number). */
export const LedgerRowRef = z.object({ sheet: z.string().max(200).meta({ label: '工作表' }), row: z.number().int().min(1).meta({ label: '行号' }) });

/**
 * Updates that change an identifying field (使用登记证编号, 注册代码, a unit's name …)
 * are held back unless accepted: all of them, or the rows listed.
 */
export const AcceptIdentityChanges = z.union([z.literal('all'), z.array(LedgerRowRef).max(1_000_000)]);

export const LedgerPreviewInput = z.object({
  source: LedgerSource.meta({ label: '台账文件' }),
  acceptIdentityChanges: AcceptIdentityChanges.optional().meta({ label: '接受的标识字段变更' }),
  /** the user's choices for headers the importer could not match, per sheet kind */
  mappings: z.object({ equipment: ColumnMapping.optional().meta({ label: '设备表列对应' }), managers: ColumnMapping.optional().meta({ label: '安全管理员表列对应' }) }).optional().meta({ label: '列对应' }),
  /** keep the mappings for the next import (settings) */
  rememberMappings: z.boolean().optional().meta({ label: '记住列对应' }),
  jobId: JobId.optional().meta({ label: '任务' }),
});

export const LedgerIssue = z.object({
  sheet: z.string(),
  /** the Excel row number (1-based, as the user sees it in Excel/WPS) */
  row: z.number().int(),
  /** the column's header as it stands in the file (empty for row-level problems) */
  column: z.string(),
  /** the column letter, e.g. "C" */
  columnLetter: z.string(),
  value: z.string(),
  code: z.string(),
  message: z.string(),
});
export type LedgerIssue = z.infer<typeof LedgerIssue>;

export const SheetColumn = z.object({
  header: z.string(),
  letter: z.string(),
  /** null: not matched, kept as an extra attribute */
  field: LedgerField.nullable(),
  /** a position column (序号) or one the error report added (错误原因, 工作表, 行号): neither a field nor kept */
  ignored: z.boolean().optional(),
});

export const SheetInfo = z.object({
  name: z.string(),
  kind: SheetKind.nullable(),
  /** Excel row number of the header row; null when no header row was found */
  headerRow: z.number().int().nullable(),
  dataRows: z.number().int(),
  columns: z.array(SheetColumn),
  /** required fields no column was matched to: the wizard asks the user to map them */
  missingRequired: z.array(LedgerField),
});

export const CountTriple = z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** One changed field of an update: personal data masked, a unit named by name and credit code. */
export const LedgerChange = z.object({
  /** the ledger field (equipmentCode, registrationNo, unitName, personName …, kind/category/variety as codes, unit), or extra.<header> */
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type LedgerChange = z.infer<typeof LedgerChange>;

export const LedgerUpdate = z.object({
  sheet: z.string(),
  /** the Excel row number of the row that gives the new values (for a unit: its first row) */
  row: z.number().int(),
  entity: z.enum(['unit', 'equipment', 'manager']),
  /** the natural key the row was matched by: credit code, 设备代码 / 注册代码 / 使用登记证编号, 证书编号 */
  key: z.string(),
  changes: z.array(LedgerChange),
});
export type LedgerUpdate = z.infer<typeof LedgerUpdate>;

export const LedgerSummary = z.object({
  planId: z.string(),
  dryRun: z.boolean(),
  fileName: z.string(),
  sheets: z.array(SheetInfo),
  /** true when a required column is unmatched: nothing can be imported until it is mapped */
  needsMapping: z.boolean(),
  rowsRead: z.number().int(),
  units: CountTriple,
  equipment: CountTriple,
  managers: CountTriple,
  duplicatesFolded: z.number().int(),
  errors: z.array(LedgerIssue),
  warnings: z.array(LedgerIssue),
  /** every update, held ones included (their rows carry an IDENTITY_CHANGED warning), in file order */
  updates: z.array(LedgerUpdate),
});
export type LedgerSummary = z.infer<typeof LedgerSummary>;

export const LedgerApplyInput = z.object({
  planId: z.string().min(1).meta({ label: '计划' }),
  /** held identity changes to write as well: all, or those of the rows listed */
  acceptIdentityChanges: AcceptIdentityChanges.optional().meta({ label: '接受的标识字段变更' }),
  jobId: JobId.optional().meta({ label: '任务' }),
});
export const LedgerErrorReportInput = z.object({ planId: z.string().min(1).meta({ label: '计划' }) });
/** The preview's updates as xlsx; fields: only the changes of these fields (as the wizard's filter shows them). */
export const LedgerUpdatesReportInput = z.object({ planId: z.string().min(1).meta({ label: '计划' }), fields: z.array(z.string().max(200)).max(200).optional().meta({ label: '字段' }) });
