import type { Messages } from './zh-CN.ts';

// English for the first-start wizard (same keys as first-start.zh-CN.ts).

export const firstStartEn: Messages['firstStart'] = {
  title: 'First start',
  intro: 'This computer has no node identity yet. Choose which office it belongs to; this cannot be changed later (use a new data file instead).',
  role: 'Node type',
  roleHint: {
    district: 'Ledger, two lists, blocks and chain, demo unit acceptance',
    training: 'Training, exams, certificates and the supervisor pool',
    bureau: 'Receives and merges bundles from all nodes; city-wide view',
  },
  name: 'Node name',
  namePlaceholder: 'e.g. Tangqiao district bureau',
  district: 'District',
  chooseDistrict: 'Choose a district',
  districtRequired: 'Choose the district this bureau supervises',
  nameRequired: 'Enter the node name',
  defaultName: '{{district}} district bureau',
  passphrase: 'Passphrase for the private keys',
  passphraseConfirm: 'Passphrase again',
  passphraseHint: 'Protects this computer’s signing and encryption keys; at least 8 characters.',
  safeStorageNote: 'The private keys will be protected by the system keychain; no passphrase is needed.',
  submit: 'Finish',
  submitting: 'Saving…',
};
