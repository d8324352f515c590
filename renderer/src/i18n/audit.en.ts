import type { Messages } from './zh-CN.ts';

export const auditEn: Messages['audit'] = {
  title: 'Audit log',
  intro:
    'Every change, import and export on this computer is written to the audit log: each entry carries the hash of the one before, forming a chain. Each exported bundle and each receipt carries the chain’s newest position (an anchor), signed with this node’s private key. Verifying checks that the chain is whole and still reaches the signed anchors. ID numbers, phone numbers and other personal data are masked in the log.',
  verify: 'Verify again',
  verifying: 'Verifying…',
  ok: 'Verified: {{entries}} entries, the hash chain is whole.',
  okAnchored: 'Verified: {{entries}} entries, the hash chain is whole and still reaches the signed anchor (entry {{anchored}}).',
  notAnchored: 'No bundle or receipt has been made yet, so no anchor is signed: deleting the newest entries or recomputing the whole chain can only be found once an anchor has been sent.',
  failed: 'Verification failed, {{count}} problem(s):',
  problem: 'Entry {{seq}}: {{message}}',
  failedHint: 'The audit log has been altered. Stop changing data, contact the bureau’s IT staff and keep a copy of this computer’s data folder.',
  cli: 'Command line: qkl audit verify --db DATA-FILE [--json]',
  entries: 'Latest entries',
  empty: 'No entries yet.',
  column: {
    seq: 'No.',
    at: 'Time',
    actor: 'By',
    call: 'Action',
    table: 'Table',
    rows: 'Rows',
  },
  range: 'Entries {{from}}–{{to}} of {{total}} (newest first)',
  previous: 'Previous',
  next: 'Next',
  city: {
    column: 'Audit chain',
    ok: 'Whole',
    none: 'No anchor',
    broken: 'Broken {{count}}×',
    breakDetail: 'Audit chain broken: bundle imported {{date}}, entry {{seq}}. {{message}}',
    breakLine: '{{name}}: bundle imported {{date}}, entry {{seq}}. {{message}}',
    attention: 'The audit chain of {{names}} is broken (the data was imported; check whether the office altered its audit log)',
  },
};
