CREATE TABLE `mailings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`filter` text NOT NULL,
	`recipients` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mailings_congress` ON `mailings` (`congress_id`,`id`);--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `mailing_id` integer;--> statement-breakpoint
CREATE INDEX `outbox_mailing` ON `outbox_messages` (`mailing_id`,`status`);