DROP INDEX `equipment_next_inspection`;--> statement-breakpoint
DROP INDEX `equipment_kind`;--> statement-breakpoint
DROP INDEX `equipment_unit`;--> statement-breakpoint
CREATE INDEX `equipment_live_updated` ON `equipment` (`updated_at`,`id`,`status`,`deleted_at`) WHERE "equipment"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `equipment_live_next` ON `equipment` (`next_inspection_date`,`updated_at`,`id`,`status`,`deleted_at`) WHERE "equipment"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `equipment_live_kind` ON `equipment` (`kind_code`,`updated_at`,`id`,`status`,`deleted_at`) WHERE "equipment"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `equipment_unit` ON `equipment` (`unit_id`,`status`,`kind_code`,`category_code`,`variety_code`,`next_inspection_date`,`deleted_at`);