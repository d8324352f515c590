CREATE TABLE `summary_receipts` (
	`summary_id` text NOT NULL,
	`submitted_at` text NOT NULL,
	`received_at` text NOT NULL,
	`bundle_id` text NOT NULL,
	PRIMARY KEY(`summary_id`, `submitted_at`),
	FOREIGN KEY (`summary_id`) REFERENCES `monthly_summaries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Summaries that reached this node before receipts were kept: judged by the office's own
-- submitted_at, as they were until now (received_at = submitted_at, bundle 'legacy').
INSERT INTO `summary_receipts` (`summary_id`, `submitted_at`, `received_at`, `bundle_id`)
SELECT `id`, `submitted_at`, `submitted_at`, 'legacy' FROM `monthly_summaries`
WHERE `submitted_at` IS NOT NULL AND `origin_node` NOT IN (SELECT `id` FROM `node_identity`);
