CREATE TABLE `programme_rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`capacity` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_rooms_congress_id_code_unique` ON `programme_rooms` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `programme_people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`affiliation` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_people_congress_id_code_unique` ON `programme_people` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `programme_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`title_ko` text,
	`title_en` text,
	`description_ko` text,
	`description_en` text,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`room_id` integer,
	`place_ko` text,
	`place_en` text,
	`chair_id` integer,
	`capacity` integer,
	`sequence` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `programme_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `programme_people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `programme_sessions_time` ON `programme_sessions` (`congress_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `programme_sessions_congress_id_code_unique` ON `programme_sessions` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `programme_session_speakers` (
	`session_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`sort_order` integer NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `programme_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `programme_people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programme_papers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`title` text NOT NULL,
	`authors` text NOT NULL,
	`abstract` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `programme_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
