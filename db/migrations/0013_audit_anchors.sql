CREATE TABLE `audit_anchors` (
	`id` integer PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`own` integer NOT NULL,
	`source` text NOT NULL,
	`ref` text,
	`target_node_id` text,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	`key_id` text NOT NULL,
	`signature` text NOT NULL,
	`logged_seq` integer,
	`recorded_at` text NOT NULL,
	`status` text NOT NULL,
	`problem_seq` integer,
	`problem` text
);
--> statement-breakpoint
CREATE INDEX `audit_anchors_node_seq` ON `audit_anchors` (`node_id`,`seq`);--> statement-breakpoint
-- Anchors are evidence, append-only like the audit log: the database refuses edits and deletes.
CREATE TRIGGER `audit_anchors_no_update` BEFORE UPDATE ON `audit_anchors` BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_anchors_no_delete` BEFORE DELETE ON `audit_anchors` BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
