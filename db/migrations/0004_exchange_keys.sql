CREATE TABLE `node_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`public_key` text NOT NULL,
	`sealed_private` text NOT NULL,
	`protection` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text
);
--> statement-breakpoint
CREATE TABLE `trusted_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`node_name` text NOT NULL,
	`role` text NOT NULL,
	`district_id` text,
	`signing_key` text NOT NULL,
	`recipients` text NOT NULL,
	`fingerprint` text NOT NULL,
	`trusted_at` text NOT NULL,
	`trusted_by` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text
);
--> statement-breakpoint
CREATE INDEX `trusted_keys_node` ON `trusted_keys` (`node_id`);--> statement-breakpoint
CREATE TABLE `bundles_received` (
	`id` text NOT NULL,
	`node_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`hash` text NOT NULL,
	`full` integer NOT NULL,
	`key_id` text NOT NULL,
	`created_at` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`changes` text NOT NULL,
	`receipt_at` text,
	PRIMARY KEY(`node_id`, `sequence`)
);
--> statement-breakpoint
CREATE INDEX `bundles_received_id` ON `bundles_received` (`id`);--> statement-breakpoint
CREATE TABLE `bundles_sent` (
	`id` text PRIMARY KEY NOT NULL,
	`target_node_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`hash` text NOT NULL,
	`full` integer NOT NULL,
	`created_at` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`row_counts` text NOT NULL,
	`change_seq` integer NOT NULL,
	`acknowledged_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bundles_sent_chain` ON `bundles_sent` (`target_node_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `sync_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_changes_row` ON `sync_changes` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_origin_sha_live` ON `attachments` (`origin_node`,`sha256`,`file_name`) WHERE "attachments"."deleted_at" is null;--> statement-breakpoint
DROP INDEX `equipment_code_live`;--> statement-breakpoint
CREATE UNIQUE INDEX `equipment_origin_code_live` ON `equipment` (`origin_node`,`equipment_code`) WHERE "equipment"."equipment_code" is not null and "equipment"."deleted_at" is null;
--> statement-breakpoint
-- Custom: the change log that incremental bundles are cut from (see db/schema/exchange.ts).
-- Only rows this node owns are logged; DELETE then INSERT (not INSERT OR REPLACE) so an outer
-- INSERT OR IGNORE cannot change the trigger's conflict policy. Existing own rows are logged once.
CREATE TRIGGER `districts_sync_insert` AFTER INSERT ON `districts`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'districts' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('districts', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `districts_sync_update` AFTER UPDATE ON `districts`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'districts' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('districts', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `units_sync_insert` AFTER INSERT ON `units`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'units' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('units', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `units_sync_update` AFTER UPDATE ON `units`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'units' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('units', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `equipment_sync_insert` AFTER INSERT ON `equipment`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'equipment' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('equipment', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `equipment_sync_update` AFTER UPDATE ON `equipment`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'equipment' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('equipment', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_sync_insert` AFTER INSERT ON `safety_managers`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'safety_managers' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('safety_managers', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_sync_update` AFTER UPDATE ON `safety_managers`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'safety_managers' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('safety_managers', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `attachments_sync_insert` AFTER INSERT ON `attachments`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'attachments' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('attachments', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `attachments_sync_update` AFTER UPDATE ON `attachments`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'attachments' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('attachments', NEW.id);
END;--> statement-breakpoint
INSERT INTO sync_changes (table_name, row_id) SELECT 'districts', id FROM `districts` WHERE origin_node = (SELECT id FROM node_identity LIMIT 1) ORDER BY updated_at, id;--> statement-breakpoint
INSERT INTO sync_changes (table_name, row_id) SELECT 'units', id FROM `units` WHERE origin_node = (SELECT id FROM node_identity LIMIT 1) ORDER BY updated_at, id;--> statement-breakpoint
INSERT INTO sync_changes (table_name, row_id) SELECT 'equipment', id FROM `equipment` WHERE origin_node = (SELECT id FROM node_identity LIMIT 1) ORDER BY updated_at, id;--> statement-breakpoint
INSERT INTO sync_changes (table_name, row_id) SELECT 'safety_managers', id FROM `safety_managers` WHERE origin_node = (SELECT id FROM node_identity LIMIT 1) ORDER BY updated_at, id;--> statement-breakpoint
INSERT INTO sync_changes (table_name, row_id) SELECT 'attachments', id FROM `attachments` WHERE origin_node = (SELECT id FROM node_identity LIMIT 1) ORDER BY updated_at, id;
