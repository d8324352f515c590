CREATE TABLE `bureau_key_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`subject_key_id` text NOT NULL,
	`new_key_id` text,
	`statement` text NOT NULL,
	`signer_key_id` text NOT NULL,
	`signature` text NOT NULL,
	`new_key_signature` text
);
--> statement-breakpoint
CREATE INDEX `bureau_key_statements_subject` ON `bureau_key_statements` (`subject_key_id`);--> statement-breakpoint
-- Custom: the change log of bureau_key_statements, as in 0004 (see db/schema/exchange.ts): the bureau's own statements go into its next bundles.
CREATE TRIGGER `bureau_key_statements_sync_insert` AFTER INSERT ON `bureau_key_statements`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'bureau_key_statements' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('bureau_key_statements', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `bureau_key_statements_sync_update` AFTER UPDATE ON `bureau_key_statements`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'bureau_key_statements' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('bureau_key_statements', NEW.id);
END;
--> statement-breakpoint
-- A signed statement is a record of what the bureau declared: its signed bytes never change.
CREATE TRIGGER `bureau_key_statements_immutable` BEFORE UPDATE ON `bureau_key_statements`
WHEN OLD.statement IS NOT NEW.statement OR OLD.signature IS NOT NEW.signature OR OLD.kind IS NOT NEW.kind
  OR OLD.subject_key_id IS NOT NEW.subject_key_id OR OLD.new_key_id IS NOT NEW.new_key_id OR OLD.signer_key_id IS NOT NEW.signer_key_id
  OR OLD.new_key_signature IS NOT NEW.new_key_signature OR OLD.origin_node IS NOT NEW.origin_node
BEGIN
	SELECT RAISE(ABORT, 'bureau key statements never change');
END;
