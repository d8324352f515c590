import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';

// 培训考核 (issue 7). The training centre (or a district office, for its own
// sessions) owns its sessions, banks, exams, candidates, results and the supervisor
// certificates it issues; they go up to the bureau in its bundles. The bureau's
// supervisor pool (监督员库) is its own rows, one per certificate, broadcast to every
// office so that offices can assign supervisors to blocks (block_supervisors).
//
// Links to registry rows (safety managers, districts) are soft (no foreign key): the
// registry belongs to the offices and may reach the training centre or the bureau
// later than, or never before, the training rows that name it; a foreign key would
// refuse a bundle for a row that is merely not there yet. Links between the training
// node's own rows are foreign keys, as they always travel together.

/** 培训班: one session (possibly over several days and districts). */
export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    ...syncColumns,
    title: text('title').notNull(),
    /** JSON array of district ids the session is for */
    districtIds: text('district_ids').notNull().default('[]'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    place: text('place'),
    /** trainers' names as written, separated by 、 */
    trainers: text('trainers'),
    hours: real('hours'),
    content: text('content'),
  },
  (t) => [index('training_sessions_start').on(t.startDate), index('training_sessions_updated').on(t.updatedAt, t.id)],
);

/** One person on a session's roster, with attendance. */
export const trainingAttendees = sqliteTable(
  'training_attendees',
  {
    ...syncColumns,
    sessionId: text('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    /** soft link to safety_managers.id when picked from the registry */
    managerId: text('manager_id'),
    name: text('name').notNull(),
    /** stored in full as safety_managers stores it; shown masked, leaves only inside bundles */
    idNumber: text('id_number'),
    unitName: text('unit_name'),
    unitUscc: text('unit_uscc'),
    districtId: text('district_id'),
    phone: text('phone'),
    /** registry / import / manual */
    source: text('source').notNull(),
    attendance: text('attendance', { enum: ['unknown', 'present', 'absent'] }).notNull().default('unknown'),
    signedInAt: text('signed_in_at'),
  },
  (t) => [
    uniqueIndex('training_attendees_session_person_live')
      .on(t.originNode, t.sessionId, t.idNumber)
      .where(sql`${t.idNumber} is not null and ${t.deletedAt} is null`),
    index('training_attendees_session').on(t.sessionId),
    index('training_attendees_id_number').on(t.idNumber),
    index('training_attendees_updated').on(t.updatedAt, t.id),
  ],
);

/** 题库: one imported question bank. */
export const questionBanks = sqliteTable(
  'question_banks',
  {
    ...syncColumns,
    title: text('title').notNull(),
    sourceFile: text('source_file'),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [index('question_banks_updated').on(t.updatedAt, t.id)],
);

export const questions = sqliteTable(
  'questions',
  {
    ...syncColumns,
    bankId: text('bank_id')
      .notNull()
      .references(() => questionBanks.id),
    /** 题号 in the bank */
    no: integer('no').notNull(),
    /** 判断 / 单选 / 多选 */
    type: text('type', { enum: ['judge', 'single', 'multi'] }).notNull(),
    stem: text('stem').notNull(),
    /** JSON array of option texts, A first; empty for 判断 */
    options: text('options').notNull().default('[]'),
    /** normalised key: 'T' / 'F' for 判断, sorted letters ('ACD') otherwise */
    answer: text('answer').notNull(),
    points: real('points').notNull(),
    module: text('module'),
  },
  (t) => [
    uniqueIndex('questions_bank_no_live').on(t.bankId, t.no).where(sql`${t.deletedAt} is null`),
    index('questions_updated').on(t.updatedAt, t.id),
  ],
);

/** 考试: a paper drawn from a bank, its rules and its (optional) training session. */
export const exams = sqliteTable(
  'exams',
  {
    ...syncColumns,
    title: text('title').notNull(),
    bankId: text('bank_id')
      .notNull()
      .references(() => questionBanks.id),
    sessionId: text('session_id').references(() => trainingSessions.id),
    /** JSON PaperDefinition (electron/api/schemas/training.ts): mode, seed, weights and each variant's question numbers */
    paper: text('paper').notNull(),
    /** the variants the paper has: 'A' or 'A,B' */
    variants: text('variants').notNull().default('A'),
    passMark: real('pass_mark').notNull(),
    fullMarks: real('full_marks').notNull(),
    /** 多选: all-or-nothing or partial credit */
    multiRule: text('multi_rule', { enum: ['all', 'partial'] }).notNull(),
    timeMinutes: integer('time_minutes'),
    examDate: text('exam_date'),
  },
  (t) => [index('exams_bank').on(t.bankId), index('exams_updated').on(t.updatedAt, t.id)],
);

/** One person sitting one exam. */
export const examCandidates = sqliteTable(
  'exam_candidates',
  {
    ...syncColumns,
    examId: text('exam_id')
      .notNull()
      .references(() => exams.id),
    /** 准考证号 */
    candidateNo: text('candidate_no').notNull(),
    name: text('name').notNull(),
    /** in full, as safety_managers stores it; shown masked */
    idNumber: text('id_number'),
    /** soft links to the roster and the registry */
    attendeeId: text('attendee_id'),
    managerId: text('manager_id'),
    unitName: text('unit_name'),
    unitUscc: text('unit_uscc'),
    districtId: text('district_id'),
    /** 1 for a first sitting; retakes count per person (ID number) across this node's exams */
    attempt: integer('attempt').notNull().default(1),
    variant: text('variant').notNull().default('A'),
  },
  (t) => [
    uniqueIndex('exam_candidates_exam_no_live').on(t.originNode, t.examId, t.candidateNo).where(sql`${t.deletedAt} is null`),
    index('exam_candidates_id_number').on(t.idNumber),
    index('exam_candidates_updated').on(t.updatedAt, t.id),
  ],
);

/** A candidate's graded result. */
export const examResults = sqliteTable(
  'exam_results',
  {
    ...syncColumns,
    examId: text('exam_id')
      .notNull()
      .references(() => exams.id),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => examCandidates.id),
    objectiveScore: real('objective_score').notNull(),
    /** 主观题 / 实操 entered by hand; null when there is none */
    subjectiveScore: real('subjective_score'),
    total: real('total').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    /** JSON {"marks": ["ACD", "", …], "invalid": {"7": "Z"}, "scores": [2, 0, …]} (StoredMarks, grade-sheet.ts): by position, the normalised marks, the invalid ones as written, and what each scored */
    marks: text('marks').notNull(),
    /** the answer sheet's row, for messages */
    sourceRow: integer('source_row'),
    gradedAt: text('graded_at').notNull(),
    /** draft → published (locked) → unlocked (changeable again, audited) → published … */
    state: text('state', { enum: ['draft', 'published', 'unlocked'] }).notNull().default('draft'),
    publishedAt: text('published_at'),
  },
  (t) => [
    uniqueIndex('exam_results_candidate_live').on(t.candidateId).where(sql`${t.deletedAt} is null`),
    index('exam_results_exam').on(t.examId),
    index('exam_results_updated').on(t.updatedAt, t.id),
  ],
);

/** 特种设备安全监督员证, issued by the node that ran the exam. */
export const supervisorCertificates = sqliteTable(
  'supervisor_certificates',
  {
    ...syncColumns,
    certificateNo: text('certificate_no').notNull(),
    /** the numbering: sequential per year of issue */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    holderName: text('holder_name').notNull(),
    /** in full, as safety_managers stores it; the payload carries only the masked form */
    idNumber: text('id_number'),
    managerId: text('manager_id'),
    unitName: text('unit_name'),
    unitUscc: text('unit_uscc'),
    districtId: text('district_id'),
    examId: text('exam_id').references(() => exams.id),
    resultId: text('result_id').references(() => examResults.id),
    issueDate: text('issue_date').notNull(),
    validUntil: text('valid_until').notNull(),
    /** node id of the issuer (= origin_node; kept explicit because the payload names it) */
    issuingNode: text('issuing_node').notNull(),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
    /**
     * Issued by override although the holder failed the check at issue (not on the
     * exam's roster, or no valid A certificate in the registry): what failed, as a
     * code (not-on-roster / not-verifiable / no-a-certificate / a-expired), and the
     * issuer's written reason; both null for a certificate that passed the check.
     */
    overrideProblem: text('override_problem'),
    overrideReason: text('override_reason'),
    /** the QR code's text: signed by the issuer's Ed25519 key (training/certificate-payload.ts) */
    payload: text('payload').notNull(),
  },
  (t) => [
    uniqueIndex('supervisor_certificates_origin_no_live').on(t.originNode, t.certificateNo).where(sql`${t.deletedAt} is null`),
    uniqueIndex('supervisor_certificates_result_live').on(t.resultId).where(sql`${t.resultId} is not null and ${t.deletedAt} is null`),
    index('supervisor_certificates_valid').on(t.validUntil),
    index('supervisor_certificates_manager').on(t.managerId),
    index('supervisor_certificates_updated').on(t.updatedAt, t.id),
  ],
);

/**
 * 监督员库 as the bureau publishes it to every office: the bureau's own copy of each
 * certificate it holds (no ID number), with the issuer's public key so an office can
 * verify a certificate's QR code offline on the bureau's word.
 */
export const supervisorPool = sqliteTable(
  'supervisor_pool',
  {
    ...syncColumns,
    certificateId: text('certificate_id').notNull(),
    certificateNo: text('certificate_no').notNull(),
    holderName: text('holder_name').notNull(),
    managerId: text('manager_id'),
    unitName: text('unit_name'),
    unitUscc: text('unit_uscc'),
    districtId: text('district_id'),
    issueDate: text('issue_date').notNull(),
    validUntil: text('valid_until').notNull(),
    issuingNode: text('issuing_node').notNull(),
    issuerName: text('issuer_name'),
    /** base64 raw Ed25519 key that signed the payload */
    issuerKey: text('issuer_key'),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
    payload: text('payload').notNull(),
  },
  (t) => [
    uniqueIndex('supervisor_pool_origin_certificate_live').on(t.originNode, t.certificateId).where(sql`${t.deletedAt} is null`),
    index('supervisor_pool_valid').on(t.validUntil),
    index('supervisor_pool_manager').on(t.managerId),
    index('supervisor_pool_updated').on(t.updatedAt, t.id),
  ],
);
