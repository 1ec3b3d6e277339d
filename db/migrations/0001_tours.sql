CREATE TABLE `tours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`title_ko` text NOT NULL,
	`title_en` text NOT NULL,
	`description_ko` text NOT NULL,
	`description_en` text NOT NULL,
	`departs_at` text NOT NULL,
	`returns_at` text NOT NULL,
	`meeting_point_ko` text NOT NULL,
	`meeting_point_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tours_congress_id_code_unique` ON `tours` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `tour_buses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tour_id` integer NOT NULL,
	`label` text NOT NULL,
	`capacity` integer NOT NULL,
	`guide_languages` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`tour_id`) REFERENCES `tours`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tour_preferences` (
	`delegate_id` integer NOT NULL,
	`rank` integer NOT NULL,
	`tour_id` integer NOT NULL,
	`submitted_at` text NOT NULL,
	PRIMARY KEY(`delegate_id`, `rank`),
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tour_id`) REFERENCES `tours`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tour_preferences_delegate_id_tour_id_unique` ON `tour_preferences` (`delegate_id`,`tour_id`);--> statement-breakpoint
CREATE TABLE `tour_seats` (
	`delegate_id` integer PRIMARY KEY NOT NULL,
	`bus_id` integer NOT NULL,
	`rank` integer,
	`boarded_at` text,
	`boarded_by` integer,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bus_id`) REFERENCES `tour_buses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`boarded_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tour_seats_bus` ON `tour_seats` (`bus_id`);--> statement-breakpoint
CREATE TABLE `tour_waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tour_id` integer NOT NULL,
	`delegate_id` integer NOT NULL,
	`joined_at` text NOT NULL,
	FOREIGN KEY (`tour_id`) REFERENCES `tours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tour_waitlist_delegate` ON `tour_waitlist` (`delegate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tour_waitlist_tour_id_delegate_id_unique` ON `tour_waitlist` (`tour_id`,`delegate_id`);--> statement-breakpoint
ALTER TABLE `congresses` ADD `tour_choices_close_at` text;--> statement-breakpoint
ALTER TABLE `congresses` ADD `tours_published_at` text;