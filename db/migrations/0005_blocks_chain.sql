CREATE TABLE `block_inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`block_id` text NOT NULL,
	`inspector_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `block_inspectors_active` ON `block_inspectors` (`block_id`,`inspector_id`) WHERE "block_inspectors"."removed_at" is null and "block_inspectors"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `block_inspectors_inspector` ON `block_inspectors` (`inspector_id`);--> statement-breakpoint
CREATE INDEX `block_inspectors_updated` ON `block_inspectors` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `block_members` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`block_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`joined_at` text NOT NULL,
	`left_at` text,
	`left_reason` text,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `block_members_origin_unit_active` ON `block_members` (`origin_node`,`unit_id`) WHERE "block_members"."left_at" is null and "block_members"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `block_members_block` ON `block_members` (`block_id`);--> statement-breakpoint
CREATE INDEX `block_members_unit` ON `block_members` (`unit_id`);--> statement-breakpoint
CREATE INDEX `block_members_updated` ON `block_members` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `block_supervisors` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`block_id` text NOT NULL,
	`manager_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `safety_managers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `block_supervisors_active` ON `block_supervisors` (`block_id`,`manager_id`) WHERE "block_supervisors"."removed_at" is null and "block_supervisors"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `block_supervisors_manager` ON `block_supervisors` (`manager_id`);--> statement-breakpoint
CREATE INDEX `block_supervisors_updated` ON `block_supervisors` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`lead_unit_id` text,
	`schedule` text,
	`notes` text,
	`dissolved_at` text,
	`dissolved_reason` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blocks_district` ON `blocks` (`district_id`);--> statement-breakpoint
CREATE INDEX `blocks_updated` ON `blocks` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`enforcement_no` text,
	`phone` text,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_origin_enforcement_live` ON `inspectors` (`origin_node`,`enforcement_no`) WHERE "inspectors"."enforcement_no" is not null and "inspectors"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `inspectors_district` ON `inspectors` (`district_id`);--> statement-breakpoint
CREATE INDEX `inspectors_updated` ON `inspectors` (`updated_at`,`id`);
--> statement-breakpoint
-- Custom: the change log of the block and chain tables, as in 0004 (see db/schema/exchange.ts).
CREATE TRIGGER `blocks_sync_insert` AFTER INSERT ON `blocks`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'blocks' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('blocks', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `blocks_sync_update` AFTER UPDATE ON `blocks`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'blocks' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('blocks', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `block_members_sync_insert` AFTER INSERT ON `block_members`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_members' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_members', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `block_members_sync_update` AFTER UPDATE ON `block_members`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_members' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_members', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `inspectors_sync_insert` AFTER INSERT ON `inspectors`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspectors' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspectors', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `inspectors_sync_update` AFTER UPDATE ON `inspectors`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspectors' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspectors', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `block_inspectors_sync_insert` AFTER INSERT ON `block_inspectors`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_inspectors' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_inspectors', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `block_inspectors_sync_update` AFTER UPDATE ON `block_inspectors`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_inspectors' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_inspectors', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `block_supervisors_sync_insert` AFTER INSERT ON `block_supervisors`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_supervisors' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_supervisors', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `block_supervisors_sync_update` AFTER UPDATE ON `block_supervisors`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'block_supervisors' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('block_supervisors', NEW.id);
END;
