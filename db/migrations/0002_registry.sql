CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `equipment_unit`;--> statement-breakpoint
CREATE INDEX `equipment_registration_code` ON `equipment` (`registration_code`);--> statement-breakpoint
CREATE INDEX `equipment_kind` ON `equipment` (`kind_code`,`category_code`);--> statement-breakpoint
CREATE INDEX `equipment_updated` ON `equipment` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `equipment_unit` ON `equipment` (`unit_id`,`status`);--> statement-breakpoint
ALTER TABLE `units` ADD `name_initials` text;--> statement-breakpoint
ALTER TABLE `safety_managers` ADD `name_initials` text;--> statement-breakpoint
CREATE INDEX `safety_managers_item_expiry` ON `safety_managers` (`item_code`,`expiry_date`);--> statement-breakpoint
CREATE INDEX `safety_managers_updated` ON `safety_managers` (`updated_at`,`id`);