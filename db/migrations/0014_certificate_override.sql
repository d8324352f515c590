ALTER TABLE `supervisor_certificates` ADD `override_problem` text;--> statement-breakpoint
ALTER TABLE `supervisor_certificates` ADD `override_reason` text;