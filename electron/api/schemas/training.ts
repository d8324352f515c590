import { z } from 'zod';
import { Id, OptionalText, Passphrase } from './common.ts';
import { JobId } from './jobs.ts';
import { LedgerSource } from './ledger.ts';

// 培训考核 (issue 7): sessions and rosters, question banks, exams and papers, grading.
// Certificates and the supervisor pool are in schemas/certificates.ts. ID numbers
// cross the contract masked only.

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-28');

export const TrainingSettings = z.object({
  /** default pass mark of a paper, as marks of 100 (scaled to the paper's full marks) */
  passMark: z.number().min(0).max(100).default(70),
  multiRule: z.enum(['all', 'partial']).default('all'),
  /** {year}, {seq:4} (4 digits) or {seq:0000} are replaced; sequential per year */
  certificatePattern: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .refine((p) => /\{seq(:(\d+|0+))?\}/.test(p), '编号格式中应包含 {seq} 或 {seq:4}')
    .default('张特监〔{year}〕第{seq:4}号'),
  validityYears: z.number().int().min(1).max(10).default(4),
  expiringDays: z.number().int().min(1).max(365).default(90),
});
export type TrainingSettings = z.infer<typeof TrainingSettings>;
export const TrainingSettingsUpdate = z
  .object({ passMark: z.number().optional().meta({ label: '及格分' }), multiRule: z.string().optional().meta({ label: '多选题评分规则' }), certificatePattern: z.string().optional().meta({ label: '证书编号格式' }), validityYears: z.number().optional().meta({ label: '证书有效年限' }), expiringDays: z.number().optional().meta({ label: '证书到期提醒天数' }) })
  .strict();

export const Attendance = z.enum(['unknown', 'present', 'absent']);

export const TrainingSession = z.object({
  id: Id,
  version: z.number().int(),
  originNode: z.string(),
  title: z.string(),
  districtIds: z.array(Id),
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string().nullable(),
  trainers: z.string().nullable(),
  hours: z.number().nullable(),
  content: z.string().nullable(),
  attendees: z.number().int(),
  present: z.number().int(),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export const SessionSaveInput = z.object({
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  title: z.string().trim().min(1, '请填写培训班名称').max(100).meta({ label: '名称' }),
  districtIds: z.array(Id).max(20).default([]).meta({ label: '分局' }),
  startDate: Day.meta({ label: '开始日期' }),
  endDate: Day.nullish().meta({ label: '结束日期' }),
  place: OptionalText(100).meta({ label: '地点' }),
  trainers: OptionalText(200).meta({ label: '授课人' }),
  hours: z.number().min(0).max(1000).nullish().meta({ label: '学时' }),
  content: OptionalText(2000).meta({ label: '内容' }),
});

export const Attendee = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  unitName: z.string().nullable(),
  unitUscc: z.string().nullable(),
  districtId: z.string().nullable(),
  managerId: z.string().nullable(),
  source: z.string(),
  attendance: Attendance,
  signedInAt: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const SessionDetail = TrainingSession.extend({ roster: z.array(Attendee) });
export type SessionDetail = z.infer<typeof SessionDetail>;

/** Who to put on the roster from the registry: by district, by block, list 2 (两项清单), or named managers. */
export const AddAttendeesInput = z.object({
  sessionId: Id.meta({ label: '培训班' }),
  districtId: Id.optional().meta({ label: '所属分局' }),
  blockId: Id.optional().meta({ label: '安全管理小组' }),
  twoLists: z.boolean().default(false).meta({ label: '两份名单' }),
  managerIds: z.array(Id).max(5000).default([]).meta({ label: '安全管理员' }),
});
export const RosterImportInput = z.object({ sessionId: Id.meta({ label: '培训班' }), source: LedgerSource.meta({ label: '文件' }) });
export const RowIssue = z.object({ row: z.number().int(), candidateNo: z.string().nullable().optional(), name: z.string().nullable().optional(), code: z.string(), message: z.string() });
export type RowIssue = z.infer<typeof RowIssue>;
export const RosterAdded = z.object({ added: z.number().int(), alreadyOnRoster: z.number().int(), errors: z.array(RowIssue) });
export const AttendanceInput = z.object({ attendeeIds: z.array(Id).min(1).max(5000).meta({ label: '学员' }), attendance: Attendance.meta({ label: '出勤情况' }) });
export const SignInSheet = z.object({
  title: z.string(),
  dates: z.string(),
  place: z.string().nullable(),
  trainers: z.string().nullable(),
  rows: z.array(z.object({ no: z.number().int(), name: z.string(), unitName: z.string().nullable(), idNumberMasked: z.string().nullable(), attendance: Attendance })),
});

// —— question banks ——

export const QuestionType = z.enum(['judge', 'single', 'multi']);
export const Question = z.object({
  id: Id,
  no: z.number().int(),
  type: QuestionType,
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.string(),
  points: z.number(),
  module: z.string().nullable(),
});
export type Question = z.infer<typeof Question>;
export const BankImportInput = z.object({ source: LedgerSource.meta({ label: '文件' }), title: z.string().trim().min(1, '请填写题库名称').max(100).meta({ label: '名称' }) });
export const BankIssue = z.object({ row: z.number().int(), no: z.string().nullable(), column: z.string(), code: z.string(), message: z.string() });
export const QuestionBank = z.object({ id: Id, title: z.string(), sourceFile: z.string().nullable(), importedAt: z.string(), questions: z.number().int(), modules: z.array(z.string()) });
export const BankImported = z.object({ bank: QuestionBank, errors: z.array(BankIssue) });

// —— exams ——

export const PaperSpec = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('bank').meta({ label: '组卷方式' }) }),
  z.object({ mode: z.literal('fixed'), questionNos: z.array(z.number().int().positive()).min(1).max(1000).meta({ label: '题号' }) }),
  z.object({ mode: z.literal('random'), count: z.number().int().min(1).max(1000).meta({ label: '题数' }), weights: z.record(z.string(), z.number().min(0)).meta({ label: '题型分值' }) }),
]);
/** What exams.paper holds: the spec, its seed, each variant's bank 题号 by position, the subjective part's full marks. */
export const PaperDefinition = z.object({
  spec: PaperSpec,
  seed: z.string(),
  variants: z.record(z.string(), z.array(z.number().int())),
  subjectiveMax: z.number().min(0),
});
export type PaperDefinition = z.infer<typeof PaperDefinition>;

export const ExamCreateInput = z.object({
  title: z.string().trim().min(1, '请填写考试名称').max(100).meta({ label: '名称' }),
  bankId: Id.meta({ label: '题库' }),
  paper: PaperSpec.default({ mode: 'bank' }).meta({ label: '试卷' }),
  variants: z.union([z.literal(1), z.literal(2)]).default(1).meta({ label: '试卷份数' }),
  /** the draw's seed; default: the exam's id, so every exam differs and each can be re-made */
  seed: z.string().max(100).optional().meta({ label: '随机种子' }),
  /** marks out of the paper's full marks; default: the setting (of 100) scaled */
  passMark: z.number().min(0).max(1000).optional().meta({ label: '及格分' }),
  multiRule: z.enum(['all', 'partial']).optional().meta({ label: '多选题评分规则' }),
  timeMinutes: z.number().int().min(1).max(1000).nullish().meta({ label: '考试时长（分钟）' }),
  subjectiveMax: z.number().min(0).max(1000).default(0).meta({ label: '主观题满分' }),
  sessionId: Id.nullish().meta({ label: '培训班' }),
  examDate: Day.nullish().meta({ label: '考试日期' }),
});
export const Exam = z.object({
  id: Id,
  version: z.number().int(),
  originNode: z.string(),
  title: z.string(),
  bankId: Id,
  sessionId: z.string().nullable(),
  paper: PaperDefinition,
  passMark: z.number(),
  fullMarks: z.number(),
  multiRule: z.enum(['all', 'partial']),
  timeMinutes: z.number().nullable(),
  examDate: z.string().nullable(),
  candidates: z.number().int(),
  passed: z.number().int(),
  /** draft: nothing published; published: locked; unlocked: published once, open again */
  resultsState: z.enum(['none', 'draft', 'published', 'unlocked']),
});
export type Exam = z.infer<typeof Exam>;

/** jobId: poll jobs.progress while the file is read; the grading itself is one transaction */
export const GradeInput = z.object({ examId: Id.meta({ label: '考试' }), source: LedgerSource.meta({ label: '文件' }), jobId: JobId.optional().meta({ label: '任务' }) });
export const GradedResult = z.object({ candidateNo: z.string(), name: z.string(), score: z.number(), passed: z.boolean() });
/** One kind of grading problem with its counts: "137 张答题卡有无效选项“E”". */
export const GradeProblemGroup = z.object({
  /** the code of its errors or warnings */
  code: z.string(),
  /** for invalid-mark: the mark (half-width, upper case); else null */
  detail: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  /** answer-sheet rows it touches */
  sheets: z.number().int(),
  /** errors or warnings it holds (an invalid mark may occur several times on one sheet) */
  count: z.number().int(),
  /** the Excel rows, in file order */
  rows: z.array(z.number().int()),
  /** one Chinese line with the counts */
  label: z.string(),
  /** its errors' or warnings' messages, in file order */
  messages: z.array(z.string()),
});
export type GradeProblemGroup = z.infer<typeof GradeProblemGroup>;

export const GradeReport = z.object({
  candidates: z.number().int(),
  passed: z.number().int(),
  results: z.array(GradedResult),
  errors: z.array(RowIssue),
  warnings: z.array(RowIssue),
  /** errors and warnings grouped by kind, roster problems first */
  problemSummary: z.array(GradeProblemGroup),
});
export type GradeReport = z.infer<typeof GradeReport>;

export const ExamResult = z.object({
  id: Id,
  version: z.number().int(),
  candidateId: Id,
  candidateNo: z.string(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  unitName: z.string().nullable(),
  attempt: z.number().int(),
  variant: z.string(),
  objectiveScore: z.number(),
  subjectiveScore: z.number().nullable(),
  total: z.number(),
  passed: z.boolean(),
  state: z.enum(['draft', 'published', 'unlocked']),
  certificateNo: z.string().nullable(),
});
export type ExamResult = z.infer<typeof ExamResult>;

export const SubjectiveInput = z.object({ resultId: Id.meta({ label: '答卷' }), score: z.number().min(0).max(1000).nullable().meta({ label: '得分' }) });
export const CorrectKeyInput = z.object({
  bankId: Id.meta({ label: '题库' }),
  no: z.number().int().meta({ label: '题号' }),
  answer: z.string().trim().min(1).max(20).meta({ label: '标准答案' }),
  points: z.number().positive().max(100).optional().meta({ label: '分值' }),
  reason: z.string().trim().min(1, '请写明更正答案的原因').max(200).meta({ label: '原因' }),
});
export const Regraded = z.object({
  exams: z.number().int(),
  results: z.number().int(),
  changed: z.number().int(),
  /** holders of a live certificate whose result no longer passes: to be revoked by hand, with a reason */
  certifiedNowFailing: z.array(z.object({ certificateId: Id, certificateNo: z.string(), holderName: z.string() })),
});
export const UnlockInput = z.object({ examId: Id.meta({ label: '考试' }), reason: z.string().trim().min(1, '请写明解锁原因').max(200).meta({ label: '原因' }) });

export const ExamStats = z.object({
  examId: Id,
  candidates: z.number().int(),
  passed: z.number().int(),
  passRate: z.number(),
  average: z.number(),
  fullMarks: z.number(),
  /** ten bins of 10% of full marks; the last includes full marks */
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  questions: z.array(z.object({ no: z.number().int(), module: z.string().nullable(), type: QuestionType, answered: z.number().int(), correct: z.number().int(), difficulty: z.number() })),
  modules: z.array(z.object({ module: z.string(), points: z.number(), average: z.number(), share: z.number() })),
});
export type ExamStats = z.infer<typeof ExamStats>;

export const IssueCertificatesInput = z.object({
  examId: Id.meta({ label: '考试' }),
  issueDate: Day.optional().meta({ label: '发证日期' }),
  passphrase: Passphrase.meta({ label: '口令' }),
  /**
   * 特批: candidates who passed but failed the check (not on the roster, or no valid
   * A certificate in the registry), issued all the same on the issuer's written reason,
   * which goes into the audit log and onto each certificate's record.
   */
  override: z
    .object({
      candidateIds: z.array(Id).min(1, '请选择要特批发证的考生').max(5000).meta({ label: '学员' }),
      reason: z.string().trim().min(4, '请写明特批发证的理由（至少 4 个字）').max(500).meta({ label: '原因' }),
    })
    .optional()
    .meta({ label: '例外发证' }),
});
export const CertificatePreviewInput = z.object({ examId: Id.meta({ label: '考试' }), issueDate: Day.optional().meta({ label: '发证日期' }) });
