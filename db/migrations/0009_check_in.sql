CREATE TABLE `check_ins` (
	`delegate_id` integer PRIMARY KEY NOT NULL,
	`checked_in_at` text NOT NULL,
	`desk` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `congresses` ADD `badge_secret` text;