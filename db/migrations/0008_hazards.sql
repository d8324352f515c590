CREATE TABLE `hazard_events` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`hazard_id` text NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`comment` text,
	`evidence` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`hazard_id`) REFERENCES `hazards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hazard_events_hazard` ON `hazard_events` (`hazard_id`,`at`);--> statement-breakpoint
CREATE INDEX `hazard_events_updated` ON `hazard_events` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `hazards` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`equipment_id` text,
	`block_id` text,
	`description` text NOT NULL,
	`level` text NOT NULL,
	`found_by` text NOT NULL,
	`found_on` text NOT NULL,
	`deadline` text,
	`working_days` integer,
	`measures` text,
	`state` text NOT NULL,
	`fail_count` integer DEFAULT 0 NOT NULL,
	`closed_on` text,
	`archived_on` text,
	`escalated` integer DEFAULT false NOT NULL,
	`escalated_at` text,
	`escalation_reason` text,
	`source_inspection_id` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hazards_district_state` ON `hazards` (`district_id`,`state`);--> statement-breakpoint
CREATE INDEX `hazards_unit` ON `hazards` (`unit_id`);--> statement-breakpoint
CREATE INDEX `hazards_block` ON `hazards` (`block_id`);--> statement-breakpoint
CREATE INDEX `hazards_deadline` ON `hazards` (`deadline`);--> statement-breakpoint
CREATE INDEX `hazards_updated` ON `hazards` (`updated_at`,`id`);--> statement-breakpoint
-- Custom: the change log of the hazard tables, as in 0004 (see db/schema/exchange.ts).
CREATE TRIGGER `hazards_sync_insert` AFTER INSERT ON `hazards`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'hazards' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('hazards', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `hazards_sync_update` AFTER UPDATE ON `hazards`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'hazards' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('hazards', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `hazard_events_sync_insert` AFTER INSERT ON `hazard_events`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'hazard_events' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('hazard_events', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `hazard_events_sync_update` AFTER UPDATE ON `hazard_events`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'hazard_events' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('hazard_events', NEW.id);
END;
