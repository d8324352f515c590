CREATE TABLE `equipment_in_use_dates` (
	`next_inspection_date` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `equipment_unit_counts` (
	`unit_id` text NOT NULL,
	`status` text NOT NULL,
	`kind_code` text NOT NULL,
	`category_code` text NOT NULL,
	`variety_code` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `kind_code`, `status`, `category_code`, `variety_code`)
) WITHOUT ROWID;
--> statement-breakpoint
-- WITHOUT ROWID (added by hand to the generated tables): the key is the table, so a read of
-- the counts is one pass over one b-tree, grouped by unit and kind in key order.
-- Hand-written. Search index of the equipment grid: trigram FTS5 over the four columns the
-- search reads, keyed by equipment's rowid (VACUUM and VACUUM INTO keep the rowids of a table
-- with indexes). Contentless, so the text is not stored twice. case_sensitive 1 over lower()
-- (ASCII only, as LIKE folds only ASCII) makes a phrase match exactly a LIKE '%…%' match.
CREATE VIRTUAL TABLE `equipment_search` USING fts5(
	equipment_code, registration_code, registration_no, location,
	content='', contentless_delete=1, tokenize='trigram case_sensitive 1'
);--> statement-breakpoint
CREATE TRIGGER `equipment_search_insert` AFTER INSERT ON `equipment`
BEGIN
	INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
	VALUES (NEW.rowid, lower(NEW.equipment_code), lower(NEW.registration_code), lower(NEW.registration_no), lower(NEW.location));
END;--> statement-breakpoint
CREATE TRIGGER `equipment_search_update` AFTER UPDATE OF equipment_code, registration_code, registration_no, location ON `equipment`
BEGIN
	DELETE FROM equipment_search WHERE rowid = OLD.rowid;
	INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
	VALUES (NEW.rowid, lower(NEW.equipment_code), lower(NEW.registration_code), lower(NEW.registration_no), lower(NEW.location));
END;--> statement-breakpoint
CREATE TRIGGER `equipment_search_delete` AFTER DELETE ON `equipment`
BEGIN
	DELETE FROM equipment_search WHERE rowid = OLD.rowid;
END;--> statement-breakpoint
INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
SELECT rowid, lower(equipment_code), lower(registration_code), lower(registration_no), lower(location) FROM equipment;--> statement-breakpoint
-- Counts of live pieces (deleted_at IS NULL), in the writer's own transaction: one trigger
-- takes the old row out, one puts the new row in. A row whose count fell to 0 stays (readers
-- skip n = 0), so a status change back and forth does not delete and re-insert it.
CREATE TRIGGER `equipment_counts_insert` AFTER INSERT ON `equipment`
WHEN NEW.deleted_at IS NULL
BEGIN
	INSERT INTO equipment_unit_counts (unit_id, status, kind_code, category_code, variety_code, n)
	VALUES (NEW.unit_id, NEW.status, ifnull(NEW.kind_code, ''), ifnull(NEW.category_code, ''), ifnull(NEW.variety_code, ''), 1)
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO equipment_in_use_dates (next_inspection_date, n)
	SELECT ifnull(NEW.next_inspection_date, ''), 1 WHERE NEW.status = 'in_use'
	ON CONFLICT DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `equipment_counts_delete` AFTER DELETE ON `equipment`
WHEN OLD.deleted_at IS NULL
BEGIN
	UPDATE equipment_unit_counts SET n = n - 1
	WHERE unit_id = OLD.unit_id AND status = OLD.status AND kind_code = ifnull(OLD.kind_code, '')
		AND category_code = ifnull(OLD.category_code, '') AND variety_code = ifnull(OLD.variety_code, '');
	UPDATE equipment_in_use_dates SET n = n - 1
	WHERE OLD.status = 'in_use' AND next_inspection_date = ifnull(OLD.next_inspection_date, '');
END;--> statement-breakpoint
CREATE TRIGGER `equipment_counts_update_old` AFTER UPDATE OF unit_id, status, kind_code, category_code, variety_code, next_inspection_date, deleted_at ON `equipment`
WHEN OLD.deleted_at IS NULL
BEGIN
	UPDATE equipment_unit_counts SET n = n - 1
	WHERE unit_id = OLD.unit_id AND status = OLD.status AND kind_code = ifnull(OLD.kind_code, '')
		AND category_code = ifnull(OLD.category_code, '') AND variety_code = ifnull(OLD.variety_code, '');
	UPDATE equipment_in_use_dates SET n = n - 1
	WHERE OLD.status = 'in_use' AND next_inspection_date = ifnull(OLD.next_inspection_date, '');
END;--> statement-breakpoint
CREATE TRIGGER `equipment_counts_update_new` AFTER UPDATE OF unit_id, status, kind_code, category_code, variety_code, next_inspection_date, deleted_at ON `equipment`
WHEN NEW.deleted_at IS NULL
BEGIN
	INSERT INTO equipment_unit_counts (unit_id, status, kind_code, category_code, variety_code, n)
	VALUES (NEW.unit_id, NEW.status, ifnull(NEW.kind_code, ''), ifnull(NEW.category_code, ''), ifnull(NEW.variety_code, ''), 1)
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO equipment_in_use_dates (next_inspection_date, n)
	SELECT ifnull(NEW.next_inspection_date, ''), 1 WHERE NEW.status = 'in_use'
	ON CONFLICT DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
INSERT INTO equipment_unit_counts (unit_id, status, kind_code, category_code, variety_code, n)
SELECT unit_id, status, ifnull(kind_code, ''), ifnull(category_code, ''), ifnull(variety_code, ''), count(*) FROM equipment
WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO equipment_in_use_dates (next_inspection_date, n)
SELECT ifnull(next_inspection_date, ''), count(*) FROM equipment WHERE deleted_at IS NULL AND status = 'in_use' GROUP BY 1;
