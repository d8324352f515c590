import type { trainingCalls } from '../../api/calls/training.ts';
import { registrySummary } from './received-registry.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { importBank } from './bank-import.ts';
import { bankQuestions, listBanks } from './banks-read.ts';
import { certificatePreview, issueCertificates } from './certificate-issue.ts';
import { listCertificates, revokeCertificate } from './certificates.ts';
import { createExam, getExam, listExams } from './exams.ts';
import { grade } from './grading.ts';
import { publishPool, queryPool } from './pool.ts';
import { correctKey } from './regrade.ts';
import { listResults, publishResults, setSubjective, unlockResults } from './results.ts';
import { exportResultsXlsx } from './results-xlsx.ts';
import { addFromRegistry, importRoster, setAttendance, signInSheet } from './roster.ts';
import { getSession, listSessions, saveSession } from './sessions.ts';
import { examStats } from './stats.ts';
import { getTrainingSettings, updateTrainingSettings } from './training-settings.ts';
import { verifyCertificate } from './verify.ts';

export const trainingHandlers: HandlerGroup<keyof typeof trainingCalls> = {
  'training.settings': (ctx) => getTrainingSettings(ctx),
  'training.updateSettings': updateTrainingSettings,
  'training.sessions': (ctx) => listSessions(ctx),
  'training.session': (ctx, input) => getSession(ctx, input.id),
  'training.saveSession': saveSession,
  'training.addAttendees': addFromRegistry,
  'training.importRoster': importRoster,
  'training.registrySummary': (ctx) => registrySummary(ctx),
  'training.setAttendance': setAttendance,
  'training.signInSheet': (ctx, input) => signInSheet(ctx, input.sessionId),
  'training.importBank': importBank,
  'training.banks': (ctx) => listBanks(ctx),
  'training.questions': (ctx, input) => bankQuestions(ctx, input.bankId),
  'training.createExam': createExam,
  'training.exams': (ctx) => listExams(ctx),
  'training.exam': (ctx, input) => getExam(ctx, input.id),
  'training.grade': grade,
  'training.results': (ctx, input) => listResults(ctx, input.examId),
  'training.setSubjective': setSubjective,
  'training.correctKey': correctKey,
  'training.publishResults': (ctx, input) => publishResults(ctx, input.examId),
  'training.unlockResults': unlockResults,
  'training.stats': (ctx, input) => examStats(ctx, input.examId),
  'training.exportResults': (ctx, input) => exportResultsXlsx(ctx, input.examId),
  'training.certificatePreview': certificatePreview,
  'training.issueCertificates': issueCertificates,
  'training.certificates': (ctx, input) => listCertificates(ctx, input.examId),
  'training.revokeCertificate': revokeCertificate,
  'training.pool': queryPool,
  'training.publishPool': (ctx) => publishPool(ctx),
  'training.verifyCertificate': verifyCertificate,
};
