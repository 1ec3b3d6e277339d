CREATE TABLE `visa_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`delegate_id` integer NOT NULL,
	`passport_name` text,
	`nationality` text NOT NULL,
	`passport_number` text,
	`birth_date` text,
	`passport_expiry` text,
	`consulate` text,
	`status` text NOT NULL,
	`decline_reason` text,
	`verification_code` text,
	`requested_at` text NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`erased_at` text,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visa_letters_delegate_id_unique` ON `visa_letters` (`delegate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `visa_letters_verification_code_unique` ON `visa_letters` (`verification_code`);--> statement-breakpoint
CREATE INDEX `visa_letters_queue` ON `visa_letters` (`congress_id`,`status`,`requested_at`);--> statement-breakpoint
ALTER TABLE `congresses` ADD `visa_letter` text;