CREATE TABLE `assessment_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`indicators` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_rules_version` ON `assessment_rules` (`version`);--> statement-breakpoint
CREATE INDEX `assessment_rules_from` ON `assessment_rules` (`effective_from`);--> statement-breakpoint
CREATE TABLE `city_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`source_template_id` text NOT NULL,
	`source_node` text NOT NULL,
	`source_file_id` text NOT NULL,
	`district_id` text NOT NULL,
	`unit_name` text NOT NULL,
	`checklist_version` text NOT NULL,
	`item_code` text NOT NULL,
	`attachment_id` text NOT NULL,
	`title` text NOT NULL,
	`published_at` text NOT NULL,
	`withdrawn_at` text,
	`withdrawn_reason` text,
	`withdrawn_by` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `city_templates_origin_source` ON `city_templates` (`origin_node`,`source_template_id`);--> statement-breakpoint
CREATE INDEX `city_templates_district` ON `city_templates` (`district_id`);--> statement-breakpoint
CREATE INDEX `city_templates_updated` ON `city_templates` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `district_targets` (
	`district_id` text PRIMARY KEY NOT NULL,
	`pilot_unit_id` text,
	`rollout_target` integer,
	`supervisors_target` integer,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pilot_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_registry` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`training_node` text NOT NULL,
	`manager_id` text NOT NULL,
	`district_id` text NOT NULL,
	`unit_name` text NOT NULL,
	`unit_uscc` text,
	`name` text NOT NULL,
	`id_number` text,
	`id_number_masked` text,
	`item_code` text,
	`certificate_no` text,
	`issued_date` text,
	`expiry_date` text,
	`in_list2` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_registry_origin_target_manager` ON `training_registry` (`origin_node`,`training_node`,`manager_id`);--> statement-breakpoint
CREATE INDEX `training_registry_target_district` ON `training_registry` (`training_node`,`district_id`);--> statement-breakpoint
CREATE INDEX `training_registry_id_number` ON `training_registry` (`id_number`);--> statement-breakpoint
CREATE INDEX `training_registry_updated` ON `training_registry` (`updated_at`,`id`);--> statement-breakpoint
-- Custom: the change log of city_templates, as in 0004 (see db/schema/exchange.ts): the bureau's own rows go into its next bundles.
CREATE TRIGGER `city_templates_sync_insert` AFTER INSERT ON `city_templates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'city_templates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('city_templates', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `city_templates_sync_update` AFTER UPDATE ON `city_templates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'city_templates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('city_templates', NEW.id);
END;
--> statement-breakpoint
-- Custom: the change log of training_registry, as in 0004 (see db/schema/exchange.ts): the bureau's own rows go into its next bundles.
CREATE TRIGGER `training_registry_sync_insert` AFTER INSERT ON `training_registry`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'training_registry' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('training_registry', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `training_registry_sync_update` AFTER UPDATE ON `training_registry`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'training_registry' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('training_registry', NEW.id);
END;
