CREATE TABLE `node_identity` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`district_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`pilot` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_name_live` ON `districts` (`name`) WHERE "districts"."deleted_at" is null;--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`uscc` text NOT NULL,
	`uscc_legacy` integer DEFAULT false NOT NULL,
	`address` text,
	`industry` text,
	`contact_person` text,
	`contact_phone` text,
	`notes` text,
	`extra` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_district_uscc_live` ON `units` (`district_id`,`uscc`) WHERE "units"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `units_name` ON `units` (`name`);--> statement-breakpoint
CREATE INDEX `units_updated` ON `units` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `equipment` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`unit_id` text NOT NULL,
	`equipment_code` text,
	`registration_code` text,
	`registration_no` text,
	`kind_code` text,
	`category_code` text,
	`variety_code` text,
	`category_raw` text,
	`status` text DEFAULT 'in_use' NOT NULL,
	`location` text,
	`last_inspection_date` text,
	`next_inspection_date` text,
	`internal_no` text,
	`model` text,
	`product_no` text,
	`manufacturer` text,
	`commissioned_date` text,
	`extra` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `equipment_code_live` ON `equipment` (`equipment_code`) WHERE "equipment"."equipment_code" is not null and "equipment"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `equipment_unit` ON `equipment` (`unit_id`);--> statement-breakpoint
CREATE INDEX `equipment_next_inspection` ON `equipment` (`next_inspection_date`);--> statement-breakpoint
CREATE TABLE `safety_managers` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`unit_id` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text,
	`item_code` text,
	`certificate_no` text,
	`issued_date` text,
	`expiry_date` text,
	`phone` text,
	`extra` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safety_managers_unit` ON `safety_managers` (`unit_id`);--> statement-breakpoint
CREATE INDEX `safety_managers_certificate` ON `safety_managers` (`certificate_no`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`node_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`call` text NOT NULL,
	`table_name` text NOT NULL,
	`row_ids` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_id_unique` ON `audit_log` (`id`);