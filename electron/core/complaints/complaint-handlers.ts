import type { complaintCalls } from '../../api/calls/complaints.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { getIdentity } from '../node/node-service.ts';
import { getComplaint, getReward, listComplaints } from './complaint-read.ts';
import { createComplaint, handleComplaint, updateComplaint } from './complaint-service.ts';
import { getComplaintSettings, updateComplaintSettings } from './complaint-settings.ts';
import { complaintStats } from './complaint-stats.ts';
import { approveReward, markRewardPaid, previewReward, proposeRewardFor, rejectReward } from './reward-service.ts';

export const complaintHandlers: HandlerGroup<keyof typeof complaintCalls> = {
  'complaints.list': listComplaints,
  'complaints.get': (ctx, input) => getComplaint(ctx, input.id, getIdentity(ctx)?.id ?? null),
  'complaints.create': createComplaint,
  'complaints.update': updateComplaint,
  'complaints.handle': handleComplaint,
  'complaints.previewReward': previewReward,
  'complaints.proposeReward': proposeRewardFor,
  'complaints.getReward': (ctx, input) => getReward(ctx, input.id),
  'complaints.approveReward': approveReward,
  'complaints.rejectReward': rejectReward,
  'complaints.markRewardPaid': markRewardPaid,
  'complaints.stats': complaintStats,
  'complaints.settings': (ctx) => getComplaintSettings(ctx),
  'complaints.updateSettings': updateComplaintSettings,
};
