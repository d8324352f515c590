DROP INDEX `units_name_sort`;--> statement-breakpoint
CREATE INDEX `units_name_sort` ON `units` (`name_sort`,`id`);--> statement-breakpoint
DROP INDEX `equipment_unit`;--> statement-breakpoint
CREATE INDEX `equipment_unit` ON `equipment` (`unit_id`,`status`,`kind_code`,`category_code`,`variety_code`,`next_inspection_date`,`deleted_at`,`updated_at`,`id`);