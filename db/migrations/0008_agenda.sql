CREATE TABLE `agenda_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delegate_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `programme_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_entries_session` ON `agenda_entries` (`session_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_entries_delegate_id_session_id_unique` ON `agenda_entries` (`delegate_id`,`session_id`);