CREATE TABLE `inspection_checklists` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`equipment_kind` text,
	`checklist_version` integer NOT NULL,
	`items` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_checklists_origin_key_version_live` ON `inspection_checklists` (`origin_node`,`key`,`checklist_version`) WHERE "inspection_checklists"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `inspection_checklists_updated` ON `inspection_checklists` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `inspection_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`scope_kind` text NOT NULL,
	`scope_block_id` text,
	`scope_unit_ids` text DEFAULT '[]' NOT NULL,
	`scope_equipment_kind` text,
	`checklist_key` text NOT NULL,
	`checklist_version` integer NOT NULL,
	`team` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	`notes` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scope_block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_plans_district_period` ON `inspection_plans` (`district_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `inspection_plans_updated` ON `inspection_plans` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `inspection_records` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`plan_id` text NOT NULL,
	`district_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`inspected_on` text NOT NULL,
	`team` text DEFAULT '[]' NOT NULL,
	`items` text DEFAULT '[]' NOT NULL,
	`findings` text,
	`unit_signer` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `inspection_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_records_plan` ON `inspection_records` (`plan_id`);--> statement-breakpoint
CREATE INDEX `inspection_records_unit` ON `inspection_records` (`unit_id`);--> statement-breakpoint
CREATE INDEX `inspection_records_district_date` ON `inspection_records` (`district_id`,`inspected_on`);--> statement-breakpoint
CREATE INDEX `inspection_records_updated` ON `inspection_records` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `supervision_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`record_id` text,
	`unit_id` text NOT NULL,
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`issued_on` text NOT NULL,
	`deadline` text NOT NULL,
	`content` text NOT NULL,
	`hazard_ids` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	`rechecked_on` text,
	`recheck_result` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `inspection_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervision_orders_origin_year_seq_live` ON `supervision_orders` (`origin_node`,`prefix`,`year`,`seq`) WHERE "supervision_orders"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `supervision_orders_record` ON `supervision_orders` (`record_id`);--> statement-breakpoint
CREATE INDEX `supervision_orders_updated` ON `supervision_orders` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `complaint_reporters` (
	`complaint_id` text PRIMARY KEY NOT NULL,
	`name` text,
	`phone` text,
	`id_number` text,
	`address` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `complaint_rewards` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`complaint_id` text NOT NULL,
	`district_id` text NOT NULL,
	`scheme` text NOT NULL,
	`level` integer NOT NULL,
	`fines_fen` integer DEFAULT 0 NOT NULL,
	`confiscated_fen` integer DEFAULT 0 NOT NULL,
	`proposed_fen` integer NOT NULL,
	`basis` text NOT NULL,
	`approved_fen` integer,
	`approved_by` text,
	`approved_on` text,
	`state` text NOT NULL,
	`notes` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_rewards_complaint` ON `complaint_rewards` (`complaint_id`);--> statement-breakpoint
CREATE INDEX `complaint_rewards_updated` ON `complaint_rewards` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`reporter_masked` text,
	`content` text NOT NULL,
	`unit_id` text,
	`unit_name` text,
	`equipment_id` text,
	`handling_deadline` text NOT NULL,
	`handling_result` text,
	`handled_on` text,
	`outcome` text,
	`linked_inspection_id` text,
	`linked_hazard_id` text,
	`state` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaints_district_received` ON `complaints` (`district_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `complaints_unit` ON `complaints` (`unit_id`);--> statement-breakpoint
CREATE INDEX `complaints_updated` ON `complaints` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `monthly_summaries` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`month` text NOT NULL,
	`due_on` text NOT NULL,
	`figures` text DEFAULT '{}' NOT NULL,
	`experience` text,
	`problems` text,
	`proposals` text,
	`narrative` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_summaries_origin_month_live` ON `monthly_summaries` (`origin_node`,`month`) WHERE "monthly_summaries"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `monthly_summaries_updated` ON `monthly_summaries` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `summary_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`summary_id` text NOT NULL,
	`office_node` text NOT NULL,
	`submitted_at` text NOT NULL,
	`action` text NOT NULL,
	`comment` text,
	`reviewed_on` text NOT NULL,
	`reviewed_by` text NOT NULL,
	FOREIGN KEY (`summary_id`) REFERENCES `monthly_summaries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `summary_reviews_summary` ON `summary_reviews` (`summary_id`);--> statement-breakpoint
CREATE INDEX `summary_reviews_office` ON `summary_reviews` (`office_node`);--> statement-breakpoint
CREATE INDEX `summary_reviews_updated` ON `summary_reviews` (`updated_at`,`id`);
--> statement-breakpoint
-- Custom: the change log of the supervision-work tables, as in 0004 (see db/schema/exchange.ts). complaint_reporters has none: it never travels.
CREATE TRIGGER `inspection_checklists_sync_insert` AFTER INSERT ON `inspection_checklists`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspection_checklists' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspection_checklists', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_checklists_sync_update` AFTER UPDATE ON `inspection_checklists`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspection_checklists' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspection_checklists', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_plans_sync_insert` AFTER INSERT ON `inspection_plans`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspection_plans' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspection_plans', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_plans_sync_update` AFTER UPDATE ON `inspection_plans`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspection_plans' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspection_plans', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_records_sync_insert` AFTER INSERT ON `inspection_records`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspection_records' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspection_records', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_records_sync_update` AFTER UPDATE ON `inspection_records`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'inspection_records' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('inspection_records', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `supervision_orders_sync_insert` AFTER INSERT ON `supervision_orders`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervision_orders' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervision_orders', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `supervision_orders_sync_update` AFTER UPDATE ON `supervision_orders`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervision_orders' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervision_orders', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_sync_insert` AFTER INSERT ON `complaints`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'complaints' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('complaints', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_sync_update` AFTER UPDATE ON `complaints`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'complaints' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('complaints', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_rewards_sync_insert` AFTER INSERT ON `complaint_rewards`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'complaint_rewards' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('complaint_rewards', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_rewards_sync_update` AFTER UPDATE ON `complaint_rewards`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'complaint_rewards' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('complaint_rewards', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `monthly_summaries_sync_insert` AFTER INSERT ON `monthly_summaries`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'monthly_summaries' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('monthly_summaries', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `monthly_summaries_sync_update` AFTER UPDATE ON `monthly_summaries`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'monthly_summaries' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('monthly_summaries', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `summary_reviews_sync_insert` AFTER INSERT ON `summary_reviews`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'summary_reviews' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('summary_reviews', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `summary_reviews_sync_update` AFTER UPDATE ON `summary_reviews`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'summary_reviews' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('summary_reviews', NEW.id);
END;
