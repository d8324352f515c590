CREATE TABLE `block_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`block_id` text NOT NULL,
	`kind` text NOT NULL,
	`checked_unit_id` text NOT NULL,
	`checker_unit_id` text NOT NULL,
	`checker_manager_id` text NOT NULL,
	`checked_on` text NOT NULL,
	`checklist_key` text NOT NULL,
	`checklist_version` integer NOT NULL,
	`items` text DEFAULT '[]' NOT NULL,
	`findings` text,
	`checked_signer` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checker_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checker_manager_id`) REFERENCES `safety_managers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `block_checks_block_date` ON `block_checks` (`block_id`,`checked_on`);--> statement-breakpoint
CREATE INDEX `block_checks_checker` ON `block_checks` (`checker_manager_id`);--> statement-breakpoint
CREATE INDEX `block_checks_updated` ON `block_checks` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `block_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`block_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`topic` text NOT NULL,
	`place` text,
	`participants` text DEFAULT '[]' NOT NULL,
	`minutes` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `block_meetings_block_date` ON `block_meetings` (`block_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `block_meetings_updated` ON `block_meetings` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `block_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`block_id` text NOT NULL,
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`frequency` text NOT NULL,
	`due_day` integer,
	`dates` text DEFAULT '[]' NOT NULL,
	`starts_on` text NOT NULL,
	`ended_on` text,
	`notes` text,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `block_schedules_block` ON `block_schedules` (`block_id`);--> statement-breakpoint
CREATE INDEX `block_schedules_updated` ON `block_schedules` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `manager_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`manager_id` text NOT NULL,
	`block_id` text,
	`unit_id` text,
	`equipment_id` text,
	`reported_on` text NOT NULL,
	`taken_by_kind` text NOT NULL,
	`taken_by_inspector_id` text,
	`taken_by_name` text NOT NULL,
	`content` text NOT NULL,
	`answer` text,
	`answered_on` text,
	`answered_by` text,
	`hazard_id` text,
	`hazard_on` text,
	`closed_on` text,
	`close_note` text,
	`state` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `safety_managers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taken_by_inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hazard_id`) REFERENCES `hazards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `manager_feedback_manager` ON `manager_feedback` (`manager_id`);--> statement-breakpoint
CREATE INDEX `manager_feedback_district_date` ON `manager_feedback` (`district_id`,`reported_on`);--> statement-breakpoint
CREATE INDEX `manager_feedback_hazard` ON `manager_feedback` (`hazard_id`);--> statement-breakpoint
CREATE INDEX `manager_feedback_updated` ON `manager_feedback` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `supervisor_work_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`manager_id` text NOT NULL,
	`block_id` text,
	`done_on` text NOT NULL,
	`kind` text NOT NULL,
	`content` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `safety_managers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervisor_work_entries_manager` ON `supervisor_work_entries` (`manager_id`,`done_on`);--> statement-breakpoint
CREATE INDEX `supervisor_work_entries_updated` ON `supervisor_work_entries` (`updated_at`,`id`);--> statement-breakpoint
ALTER TABLE `hazards` ADD `source_check_id` text;--> statement-breakpoint
ALTER TABLE `hazards` ADD `reporter_manager_id` text;--> statement-breakpoint
-- Custom: the change log of the block routine and chain-work tables, as in 0004 (see db/schema/exchange.ts):
-- only this node's own rows go into its next bundles; rows merged from a bundle are not sent back.
CREATE TRIGGER `block_schedules_sync_insert` AFTER INSERT ON `block_schedules`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_schedules' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_schedules', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `block_schedules_sync_update` AFTER UPDATE ON `block_schedules`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_schedules' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_schedules', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `block_checks_sync_insert` AFTER INSERT ON `block_checks`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_checks' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_checks', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `block_checks_sync_update` AFTER UPDATE ON `block_checks`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_checks' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_checks', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `block_meetings_sync_insert` AFTER INSERT ON `block_meetings`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_meetings' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_meetings', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `block_meetings_sync_update` AFTER UPDATE ON `block_meetings`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_meetings' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_meetings', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `manager_feedback_sync_insert` AFTER INSERT ON `manager_feedback`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'manager_feedback' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('manager_feedback', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `manager_feedback_sync_update` AFTER UPDATE ON `manager_feedback`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'manager_feedback' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('manager_feedback', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `supervisor_work_entries_sync_insert` AFTER INSERT ON `supervisor_work_entries`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervisor_work_entries' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervisor_work_entries', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `supervisor_work_entries_sync_update` AFTER UPDATE ON `supervisor_work_entries`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervisor_work_entries' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervisor_work_entries', NEW.id);
END;
