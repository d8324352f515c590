CREATE TABLE `equipment_bulk_insert` (
	`id` integer PRIMARY KEY NOT NULL,
	`writer` text NOT NULL
);
--> statement-breakpoint
-- Hand-written. The per-row insert triggers of the search index, the counts and the risk
-- marks step aside while equipment_bulk_insert holds a row. Only a bulk insert of pieces sets
-- it (the ledger import's apply, electron/core/ledger/bulk-derived.ts), inside its own
-- transaction, and it brings the three up to date with one statement each before it deletes
-- the row again; every other writer (forms, merges, deletes, bundles) finds the table empty and
-- keeps the triggers. The row is in the writer's transaction, so a rollback (error, cancel,
-- crash) takes it away with the rows. Only the WHEN differs from 0021 / 0022.
DROP TRIGGER `equipment_search_insert`;--> statement-breakpoint
CREATE TRIGGER `equipment_search_insert` AFTER INSERT ON `equipment`
WHEN NOT EXISTS (SELECT 1 FROM equipment_bulk_insert)
BEGIN
	INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
	VALUES (NEW.rowid, lower(NEW.equipment_code), lower(NEW.registration_code), lower(NEW.registration_no), lower(NEW.location));
END;--> statement-breakpoint
DROP TRIGGER `equipment_counts_insert`;--> statement-breakpoint
CREATE TRIGGER `equipment_counts_insert` AFTER INSERT ON `equipment`
WHEN NEW.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM equipment_bulk_insert)
BEGIN
	INSERT INTO equipment_unit_counts (unit_id, status, kind_code, category_code, variety_code, n)
	VALUES (NEW.unit_id, NEW.status, ifnull(NEW.kind_code, ''), ifnull(NEW.category_code, ''), ifnull(NEW.variety_code, ''), 1)
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO equipment_in_use_dates (next_inspection_date, n)
	SELECT ifnull(NEW.next_inspection_date, ''), 1 WHERE NEW.status = 'in_use'
	ON CONFLICT DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
DROP TRIGGER `equipment_risk_insert`;--> statement-breakpoint
CREATE TRIGGER `equipment_risk_insert` AFTER INSERT ON `equipment`
WHEN NOT EXISTS (SELECT 1 FROM equipment_bulk_insert)
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;
