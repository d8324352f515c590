CREATE TABLE `exam_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`exam_id` text NOT NULL,
	`candidate_no` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text,
	`attendee_id` text,
	`manager_id` text,
	`unit_name` text,
	`unit_uscc` text,
	`district_id` text,
	`attempt` integer DEFAULT 1 NOT NULL,
	`variant` text DEFAULT 'A' NOT NULL,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_candidates_exam_no_live` ON `exam_candidates` (`origin_node`,`exam_id`,`candidate_no`) WHERE "exam_candidates"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `exam_candidates_id_number` ON `exam_candidates` (`id_number`);--> statement-breakpoint
CREATE INDEX `exam_candidates_updated` ON `exam_candidates` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `exam_results` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`exam_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`objective_score` real NOT NULL,
	`subjective_score` real,
	`total` real NOT NULL,
	`passed` integer NOT NULL,
	`marks` text NOT NULL,
	`source_row` integer,
	`graded_at` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`published_at` text,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `exam_candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_results_candidate_live` ON `exam_results` (`candidate_id`) WHERE "exam_results"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `exam_results_exam` ON `exam_results` (`exam_id`);--> statement-breakpoint
CREATE INDEX `exam_results_updated` ON `exam_results` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `exams` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`bank_id` text NOT NULL,
	`session_id` text,
	`paper` text NOT NULL,
	`variants` text DEFAULT 'A' NOT NULL,
	`pass_mark` real NOT NULL,
	`full_marks` real NOT NULL,
	`multi_rule` text NOT NULL,
	`time_minutes` integer,
	`exam_date` text,
	FOREIGN KEY (`bank_id`) REFERENCES `question_banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exams_bank` ON `exams` (`bank_id`);--> statement-breakpoint
CREATE INDEX `exams_updated` ON `exams` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `question_banks` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`source_file` text,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `question_banks_updated` ON `question_banks` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`bank_id` text NOT NULL,
	`no` integer NOT NULL,
	`type` text NOT NULL,
	`stem` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`answer` text NOT NULL,
	`points` real NOT NULL,
	`module` text,
	FOREIGN KEY (`bank_id`) REFERENCES `question_banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questions_bank_no_live` ON `questions` (`bank_id`,`no`) WHERE "questions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `questions_updated` ON `questions` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `supervisor_certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`certificate_no` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`holder_name` text NOT NULL,
	`id_number` text,
	`manager_id` text,
	`unit_name` text,
	`unit_uscc` text,
	`district_id` text,
	`exam_id` text,
	`result_id` text,
	`issue_date` text NOT NULL,
	`valid_until` text NOT NULL,
	`issuing_node` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	`payload` text NOT NULL,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `exam_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervisor_certificates_origin_no_live` ON `supervisor_certificates` (`origin_node`,`certificate_no`) WHERE "supervisor_certificates"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `supervisor_certificates_result_live` ON `supervisor_certificates` (`result_id`) WHERE "supervisor_certificates"."result_id" is not null and "supervisor_certificates"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `supervisor_certificates_valid` ON `supervisor_certificates` (`valid_until`);--> statement-breakpoint
CREATE INDEX `supervisor_certificates_manager` ON `supervisor_certificates` (`manager_id`);--> statement-breakpoint
CREATE INDEX `supervisor_certificates_updated` ON `supervisor_certificates` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `supervisor_pool` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`certificate_id` text NOT NULL,
	`certificate_no` text NOT NULL,
	`holder_name` text NOT NULL,
	`manager_id` text,
	`unit_name` text,
	`unit_uscc` text,
	`district_id` text,
	`issue_date` text NOT NULL,
	`valid_until` text NOT NULL,
	`issuing_node` text NOT NULL,
	`issuer_name` text,
	`issuer_key` text,
	`revoked_at` text,
	`revoked_reason` text,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervisor_pool_origin_certificate_live` ON `supervisor_pool` (`origin_node`,`certificate_id`) WHERE "supervisor_pool"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `supervisor_pool_valid` ON `supervisor_pool` (`valid_until`);--> statement-breakpoint
CREATE INDEX `supervisor_pool_manager` ON `supervisor_pool` (`manager_id`);--> statement-breakpoint
CREATE INDEX `supervisor_pool_updated` ON `supervisor_pool` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `training_attendees` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`session_id` text NOT NULL,
	`manager_id` text,
	`name` text NOT NULL,
	`id_number` text,
	`unit_name` text,
	`unit_uscc` text,
	`district_id` text,
	`phone` text,
	`source` text NOT NULL,
	`attendance` text DEFAULT 'unknown' NOT NULL,
	`signed_in_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_attendees_session_person_live` ON `training_attendees` (`origin_node`,`session_id`,`id_number`) WHERE "training_attendees"."id_number" is not null and "training_attendees"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `training_attendees_session` ON `training_attendees` (`session_id`);--> statement-breakpoint
CREATE INDEX `training_attendees_id_number` ON `training_attendees` (`id_number`);--> statement-breakpoint
CREATE INDEX `training_attendees_updated` ON `training_attendees` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`origin_node` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`district_ids` text DEFAULT '[]' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`place` text,
	`trainers` text,
	`hours` real,
	`content` text
);
--> statement-breakpoint
CREATE INDEX `training_sessions_start` ON `training_sessions` (`start_date`);--> statement-breakpoint
CREATE INDEX `training_sessions_updated` ON `training_sessions` (`updated_at`,`id`);
--> statement-breakpoint
-- Custom: the change log of the training tables, as in 0004 (see db/schema/exchange.ts).
CREATE TRIGGER `training_sessions_sync_insert` AFTER INSERT ON `training_sessions`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'training_sessions' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('training_sessions', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `training_sessions_sync_update` AFTER UPDATE ON `training_sessions`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'training_sessions' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('training_sessions', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `training_attendees_sync_insert` AFTER INSERT ON `training_attendees`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'training_attendees' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('training_attendees', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `training_attendees_sync_update` AFTER UPDATE ON `training_attendees`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'training_attendees' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('training_attendees', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `question_banks_sync_insert` AFTER INSERT ON `question_banks`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'question_banks' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('question_banks', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `question_banks_sync_update` AFTER UPDATE ON `question_banks`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'question_banks' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('question_banks', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `questions_sync_insert` AFTER INSERT ON `questions`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'questions' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('questions', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `questions_sync_update` AFTER UPDATE ON `questions`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'questions' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('questions', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `exams_sync_insert` AFTER INSERT ON `exams`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'exams' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('exams', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `exams_sync_update` AFTER UPDATE ON `exams`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'exams' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('exams', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `exam_candidates_sync_insert` AFTER INSERT ON `exam_candidates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'exam_candidates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('exam_candidates', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `exam_candidates_sync_update` AFTER UPDATE ON `exam_candidates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'exam_candidates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('exam_candidates', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `exam_results_sync_insert` AFTER INSERT ON `exam_results`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'exam_results' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('exam_results', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `exam_results_sync_update` AFTER UPDATE ON `exam_results`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'exam_results' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('exam_results', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `supervisor_certificates_sync_insert` AFTER INSERT ON `supervisor_certificates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervisor_certificates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervisor_certificates', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `supervisor_certificates_sync_update` AFTER UPDATE ON `supervisor_certificates`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervisor_certificates' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervisor_certificates', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `supervisor_pool_sync_insert` AFTER INSERT ON `supervisor_pool`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervisor_pool' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervisor_pool', NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `supervisor_pool_sync_update` AFTER UPDATE ON `supervisor_pool`
WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
BEGIN
	DELETE FROM sync_changes WHERE table_name = 'supervisor_pool' AND row_id = NEW.id;
	INSERT INTO sync_changes (table_name, row_id) VALUES ('supervisor_pool', NEW.id);
END;
