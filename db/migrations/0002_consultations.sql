CREATE TABLE `consultation_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_slots_congress_id_code_unique` ON `consultation_slots` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `consultation_tables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_tables_congress_id_code_unique` ON `consultation_tables` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `consultation_interpreters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`languages` text NOT NULL,
	`available` text,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_interpreters_congress_id_code_unique` ON `consultation_interpreters` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `consultation_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`delegate_id` integer,
	`role` text NOT NULL,
	`code` text NOT NULL,
	`company` text NOT NULL,
	`country` text NOT NULL,
	`languages` text NOT NULL,
	`hs_codes` text NOT NULL,
	`annual_purchase_usd` integer,
	`wants` text,
	`home_table_id` integer,
	`complex` text,
	`mini_cluster` text,
	`export_markets` text NOT NULL,
	`certifications` text NOT NULL,
	`available` text,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegate_id`) REFERENCES `delegates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`home_table_id`) REFERENCES `consultation_tables`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_participants_congress_id_code_unique` ON `consultation_participants` (`congress_id`,`code`);--> statement-breakpoint
CREATE TABLE `consultation_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`congress_id` integer NOT NULL,
	`code` text NOT NULL,
	`buyer_id` integer NOT NULL,
	`supplier_id` integer NOT NULL,
	`priority` integer DEFAULT 1 NOT NULL,
	`origin` text NOT NULL,
	`status` text NOT NULL,
	`message` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_id`) REFERENCES `consultation_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `consultation_participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_meetings_supplier` ON `consultation_meetings` (`supplier_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_meetings_congress_id_code_unique` ON `consultation_meetings` (`congress_id`,`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_meetings_buyer_id_supplier_id_unique` ON `consultation_meetings` (`buyer_id`,`supplier_id`);--> statement-breakpoint
CREATE TABLE `consultation_assignments` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`slot_id` integer NOT NULL,
	`table_id` integer NOT NULL,
	`interpreter_id` integer,
	`pinned` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `consultation_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `consultation_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`table_id`) REFERENCES `consultation_tables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interpreter_id`) REFERENCES `consultation_interpreters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_assignments_slot` ON `consultation_assignments` (`slot_id`);--> statement-breakpoint
CREATE TABLE `consultation_outcomes` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`attendance` text NOT NULL,
	`outcome` text NOT NULL,
	`value_usd` integer,
	`products` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `consultation_meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `congresses` ADD `consultation_published_at` text;