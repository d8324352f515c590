CREATE TABLE `risk_dirty` (
	`unit_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `risk_monthly` (
	`month` text NOT NULL,
	`district_id` text NOT NULL,
	`level` text NOT NULL,
	`units` integer NOT NULL,
	`rule_version` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`month`, `district_id`, `level`)
);
--> statement-breakpoint
CREATE TABLE `risk_rules` (
	`version` integer PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `risk_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`rule_version` integer NOT NULL,
	`basis` text NOT NULL,
	`computed_at` text NOT NULL,
	`last_full_ms` integer
);
--> statement-breakpoint
CREATE TABLE `unit_risk` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`score` integer NOT NULL,
	`level` text NOT NULL,
	`rule_version` integer NOT NULL,
	`breakdown` text NOT NULL,
	`as_of` text NOT NULL,
	`computed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unit_risk_score` ON `unit_risk` (`score`,`unit_id`);--> statement-breakpoint
CREATE INDEX `unit_risk_level` ON `unit_risk` (`level`,`score`,`unit_id`);--> statement-breakpoint
CREATE TABLE `publicity_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`place` text NOT NULL,
	`audience` text NOT NULL,
	`participants` integer NOT NULL,
	`unit_id` text,
	`organizer` text,
	`content` text,
	`photos` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `publicity_activities_district_held` ON `publicity_activities` (`district_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `publicity_activities_updated` ON `publicity_activities` (`updated_at`,`id`);--> statement-breakpoint
ALTER TABLE `inspection_plans` ADD `scope_risk_levels` text;--> statement-breakpoint
-- Custom: the change log of publicity_activities, as in 0004 (see db/schema/exchange.ts): the office's own activities go into its next bundles.
CREATE TRIGGER `publicity_activities_sync_insert` AFTER INSERT ON `publicity_activities`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'publicity_activities' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('publicity_activities', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `publicity_activities_sync_update` AFTER UPDATE ON `publicity_activities`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'publicity_activities' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('publicity_activities', NEW.id);
END;--> statement-breakpoint
-- Custom: a unit's risk score is stale once a fact it reads changes. These triggers note the
-- unit in risk_dirty whatever wrote the row (forms, the ledger import, a bundle merge); the
-- next read of the scores recomputes the noted units (electron/core/risk/refresh.ts).
CREATE TRIGGER `units_risk_insert` AFTER INSERT ON `units`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `units_risk_update` AFTER UPDATE OF `deleted_at`, `district_id` ON `units`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `equipment_risk_insert` AFTER INSERT ON `equipment`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `equipment_risk_update` AFTER UPDATE OF `unit_id`, `status`, `kind_code`, `category_code`, `variety_code`, `next_inspection_date`, `deleted_at` ON `equipment`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (OLD.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_risk_insert` AFTER INSERT ON `safety_managers`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `safety_managers_risk_update` AFTER UPDATE ON `safety_managers`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (OLD.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `hazards_risk_insert` AFTER INSERT ON `hazards`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `hazards_risk_update` AFTER UPDATE ON `hazards`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `complaints_risk_insert` AFTER INSERT ON `complaints`
WHEN NEW.unit_id IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `complaints_risk_update` AFTER UPDATE ON `complaints`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) SELECT NEW.unit_id WHERE NEW.unit_id IS NOT NULL;
	INSERT OR IGNORE INTO risk_dirty (unit_id) SELECT OLD.unit_id WHERE OLD.unit_id IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_files_risk_insert` AFTER INSERT ON `acceptance_files`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_files_risk_update` AFTER UPDATE ON `acceptance_files`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) VALUES (NEW.unit_id);
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_decisions_risk_insert` AFTER INSERT ON `acceptance_decisions`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) SELECT unit_id FROM acceptance_files WHERE id = NEW.file_id;
END;--> statement-breakpoint
CREATE TRIGGER `acceptance_decisions_risk_update` AFTER UPDATE ON `acceptance_decisions`
BEGIN
	INSERT OR IGNORE INTO risk_dirty (unit_id) SELECT unit_id FROM acceptance_files WHERE id = NEW.file_id;
END;
