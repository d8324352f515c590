CREATE TABLE `acceptance_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`file_id` text NOT NULL,
	`office_node` text NOT NULL,
	`round` integer NOT NULL,
	`outcome` text NOT NULL,
	`comments` text,
	`returned_items` text,
	`plaque_no` text,
	`decided_on` text NOT NULL,
	`decided_by` text NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `acceptance_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acceptance_decisions_origin_plaque_live` ON `acceptance_decisions` (`origin_node`,`plaque_no`) WHERE "acceptance_decisions"."plaque_no" is not null and "acceptance_decisions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `acceptance_decisions_file` ON `acceptance_decisions` (`file_id`);--> statement-breakpoint
CREATE INDEX `acceptance_decisions_office` ON `acceptance_decisions` (`office_node`);--> statement-breakpoint
CREATE INDEX `acceptance_decisions_updated` ON `acceptance_decisions` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `acceptance_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`file_id` text NOT NULL,
	`item_id` text NOT NULL,
	`attachment_id` text NOT NULL,
	`note` text,
	FOREIGN KEY (`file_id`) REFERENCES `acceptance_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `acceptance_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `acceptance_evidence_item` ON `acceptance_evidence` (`item_id`);--> statement-breakpoint
CREATE INDEX `acceptance_evidence_file` ON `acceptance_evidence` (`file_id`);--> statement-breakpoint
CREATE INDEX `acceptance_evidence_updated` ON `acceptance_evidence` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `acceptance_files` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`phase` text NOT NULL,
	`checklist_version` text NOT NULL,
	`inspector_id` text,
	`inspector_name` text,
	`state` text NOT NULL,
	`round` integer DEFAULT 0 NOT NULL,
	`started_on` text,
	`target_date` text,
	`submitted_at` text,
	`notes` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `acceptance_files_origin_unit` ON `acceptance_files` (`origin_node`,`unit_id`);--> statement-breakpoint
CREATE INDEX `acceptance_files_district` ON `acceptance_files` (`district_id`);--> statement-breakpoint
CREATE INDEX `acceptance_files_updated` ON `acceptance_files` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `acceptance_items` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`file_id` text NOT NULL,
	`code` text NOT NULL,
	`result` text,
	`reason` text,
	`comment` text,
	`result_source` text,
	`checked_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `acceptance_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acceptance_items_file_code_live` ON `acceptance_items` (`origin_node`,`file_id`,`code`) WHERE "acceptance_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `acceptance_items_updated` ON `acceptance_items` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `acceptance_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`file_id` text NOT NULL,
	`item_code` text NOT NULL,
	`attachment_id` text NOT NULL,
	`title` text NOT NULL,
	`published_at` text NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `acceptance_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acceptance_templates_origin_attachment_live` ON `acceptance_templates` (`origin_node`,`item_code`,`attachment_id`) WHERE "acceptance_templates"."withdrawn_at" is null and "acceptance_templates"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `acceptance_templates_updated` ON `acceptance_templates` (`updated_at`,`id`);
--> statement-breakpoint
-- Custom: the change log of the acceptance tables, as in 0004 (see db/schema/exchange.ts).
CREATE TRIGGER `acceptance_files_sync_insert` AFTER INSERT ON `acceptance_files`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_files' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_files', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_files_sync_update` AFTER UPDATE ON `acceptance_files`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_files' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_files', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_items_sync_insert` AFTER INSERT ON `acceptance_items`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_items' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_items', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_items_sync_update` AFTER UPDATE ON `acceptance_items`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_items' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_items', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_evidence_sync_insert` AFTER INSERT ON `acceptance_evidence`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_evidence' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_evidence', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_evidence_sync_update` AFTER UPDATE ON `acceptance_evidence`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_evidence' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_evidence', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_decisions_sync_insert` AFTER INSERT ON `acceptance_decisions`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_decisions' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_decisions', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_decisions_sync_update` AFTER UPDATE ON `acceptance_decisions`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_decisions' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_decisions', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_templates_sync_insert` AFTER INSERT ON `acceptance_templates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_templates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_templates', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_templates_sync_update` AFTER UPDATE ON `acceptance_templates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'acceptance_templates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('acceptance_templates', NEW.id);
END;
