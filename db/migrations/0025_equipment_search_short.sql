-- Hand-written. Each value in the trigram index now ends with two U+E000 (private use, never
-- typed), so every occurrence of one or two characters begins some trigram ("东兴" at the end
-- of 东兴 → "东兴" + U+E000). A search of one or two characters then finds its trigrams by
-- prefix in the index's term list (electron/core/registry/equipment-search-terms.ts) instead
-- of a pass over every piece; docs/ARCHITECTURE.md, "Searching the grid". A text of three
-- characters or more never contains U+E000, so its phrase matches what it matched before.
-- Only the indexed values differ from 0022 / 0024; the index is rebuilt from the pieces.
DROP TRIGGER `equipment_search_insert`;--> statement-breakpoint
CREATE TRIGGER `equipment_search_insert` AFTER INSERT ON `equipment`
WHEN NOT EXISTS (SELECT 1 FROM equipment_bulk_insert)
BEGIN
	INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
	VALUES (NEW.rowid, lower(NEW.equipment_code) || char(57344, 57344), lower(NEW.registration_code) || char(57344, 57344), lower(NEW.registration_no) || char(57344, 57344), lower(NEW.location) || char(57344, 57344));
END;--> statement-breakpoint
DROP TRIGGER `equipment_search_update`;--> statement-breakpoint
CREATE TRIGGER `equipment_search_update` AFTER UPDATE OF equipment_code, registration_code, registration_no, location ON `equipment`
BEGIN
	DELETE FROM equipment_search WHERE rowid = OLD.rowid;
	INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
	VALUES (NEW.rowid, lower(NEW.equipment_code) || char(57344, 57344), lower(NEW.registration_code) || char(57344, 57344), lower(NEW.registration_no) || char(57344, 57344), lower(NEW.location) || char(57344, 57344));
END;--> statement-breakpoint
INSERT INTO equipment_search (equipment_search) VALUES ('delete-all');--> statement-breakpoint
INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
SELECT rowid, lower(equipment_code) || char(57344, 57344), lower(registration_code) || char(57344, 57344), lower(registration_no) || char(57344, 57344), lower(location) || char(57344, 57344) FROM equipment;
