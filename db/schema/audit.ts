import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Append-only (triggers in the migrations refuse UPDATE and DELETE). Each entry
// carries the hash of the previous one, so a removed or edited entry breaks the chain.
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  id: text('id').notNull().unique(),
  nodeId: text('node_id').notNull(),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  call: text('call').notNull(),
  tableName: text('table_name').notNull(),
  rowIds: text('row_ids').notNull(),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

// Signed heads of audit chains (seq + hash). Own anchors are made when this node
// signs a bundle or a receipt; received ones come with another node's bundle or
// receipt, with the result of checking that they extend that node's earlier ones.
// Append-only like the log itself (triggers in the migration). Never synced.
export const auditAnchors = sqliteTable(
  'audit_anchors',
  {
    id: integer('id').primaryKey(),
    /** whose chain */
    nodeId: text('node_id').notNull(),
    own: integer('own', { mode: 'boolean' }).notNull(),
    /** 'export' | 'receipt' (own); 'bundle' | 'receipt' (received) */
    source: text('source').notNull(),
    /** the bundle id, or the receipt's issue time */
    ref: text('ref'),
    /** own export anchors: the node the bundle went to */
    targetNodeId: text('target_node_id'),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    at: text('at').notNull(),
    keyId: text('key_id').notNull(),
    /** base64 Ed25519 over 'qkl-audit-anchor-v1\n' + the anchor's canonical JSON */
    signature: text('signature').notNull(),
    /** own: the audit entry that records this anchor being made */
    loggedSeq: integer('logged_seq'),
    recordedAt: text('recorded_at').notNull(),
    /** 'own' | 'first' | 'extends' | 'unchecked' | 'break' | 'invalid' */
    status: text('status').notNull(),
    /** received breaks: the entry where the chain stops holding, and why (Chinese) */
    problemSeq: integer('problem_seq'),
    problem: text('problem'),
  },
  (t) => [index('audit_anchors_node_seq').on(t.nodeId, t.seq)],
);
