ALTER TABLE `acceptance_decisions` ADD `acknowledged_items` text;--> statement-breakpoint
ALTER TABLE `acceptance_items` ADD `system_finding` text;--> statement-breakpoint
ALTER TABLE `acceptance_items` ADD `contradiction_reason` text;