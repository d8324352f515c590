DROP INDEX `equipment_live_next`;--> statement-breakpoint
CREATE INDEX `equipment_live_next` ON `equipment` (`next_inspection_date`,`updated_at`,`id`,`status`,`deleted_at`,`unit_id`) WHERE "equipment"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE `units` ADD `name_sort` text;--> statement-breakpoint
CREATE INDEX `units_name_sort` ON `units` (`name_sort`);--> statement-breakpoint
ALTER TABLE `safety_managers` ADD `name_sort` text;--> statement-breakpoint
CREATE INDEX `safety_managers_name_sort` ON `safety_managers` (`name_sort`);--> statement-breakpoint
ALTER TABLE `hazards` ADD `number` text;--> statement-breakpoint
CREATE INDEX `hazards_district_number` ON `hazards` (`district_id`,`number`);--> statement-breakpoint
-- Hand-written. The pinyin sort key of unit and safety-manager names, kept by triggers so
-- that every writer (the forms, the ledger import, a bundle merge, a future editor) leaves
-- a correct key: qkl_name_sort is registered on each connection (db/functions.ts), as SQLite
-- cannot compute pinyin. A writer that already set the right key passes the WHEN and costs
-- nothing more. A bundle row carries its sender's key; a different or missing one (an older
-- sender) is recomputed here on receipt.
CREATE TRIGGER `units_name_sort_insert` AFTER INSERT ON `units`
WHEN NEW.name_sort IS NOT qkl_name_sort(NEW.name, 0)
BEGIN
	UPDATE units SET name_sort = qkl_name_sort(NEW.name, 0) WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `units_name_sort_update` AFTER UPDATE OF name, name_sort ON `units`
WHEN NEW.name_sort IS NOT qkl_name_sort(NEW.name, 0)
BEGIN
	UPDATE units SET name_sort = qkl_name_sort(NEW.name, 0) WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_name_sort_insert` AFTER INSERT ON `safety_managers`
WHEN NEW.name_sort IS NOT qkl_name_sort(NEW.name, 1)
BEGIN
	UPDATE safety_managers SET name_sort = qkl_name_sort(NEW.name, 1) WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_name_sort_update` AFTER UPDATE OF name, name_sort ON `safety_managers`
WHEN NEW.name_sort IS NOT qkl_name_sort(NEW.name, 1)
BEGIN
	UPDATE safety_managers SET name_sort = qkl_name_sort(NEW.name, 1) WHERE id = NEW.id;
END;--> statement-breakpoint
-- The keys of the rows already here. Derived data, computed the same way on every node: the
-- change-log triggers (0004) are lifted meanwhile so this does not send every unit and
-- manager again in the next bundle, and put back as 0004 wrote them.
DROP TRIGGER `units_sync_update`;--> statement-breakpoint
DROP TRIGGER `safety_managers_sync_update`;--> statement-breakpoint
UPDATE units SET name_sort = qkl_name_sort(name, 0);--> statement-breakpoint
UPDATE safety_managers SET name_sort = qkl_name_sort(name, 1);--> statement-breakpoint
CREATE TRIGGER `units_sync_update` AFTER UPDATE ON `units`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'units' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('units', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_sync_update` AFTER UPDATE ON `safety_managers`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'safety_managers' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('safety_managers', NEW.id);
END;--> statement-breakpoint
-- 隐患编号 for the hazards this office registered before numbers existed: by registration
-- order within district and year (China time). Only the registering office numbers its
-- hazards; the version goes up so the number travels in its next bundle and the bureau,
-- which never numbers another office's hazard, takes it from there.
UPDATE hazards SET number = numbered.number, version = hazards.version + 1
FROM (
	SELECT id, strftime('%Y', created_at, '+8 hours') || '-' || printf('%04d', row_number() OVER (
		PARTITION BY district_id, strftime('%Y', created_at, '+8 hours') ORDER BY created_at, id)) AS number
	FROM hazards WHERE origin_node = (SELECT id FROM node_identity LIMIT 1)
) AS numbered
WHERE hazards.id = numbered.id;
