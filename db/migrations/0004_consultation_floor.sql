CREATE TABLE `consultation_arrivals` (
	`participant_id` integer PRIMARY KEY NOT NULL,
	`arrived_at` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `consultation_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `congresses` ADD `consultation_plan_revision` integer DEFAULT 0 NOT NULL;