ALTER TABLE `programme_rooms` DROP COLUMN `name_ko`;--> statement-breakpoint
ALTER TABLE `programme_rooms` DROP COLUMN `name_en`;--> statement-breakpoint
ALTER TABLE `programme_sessions` DROP COLUMN `title_ko`;--> statement-breakpoint
ALTER TABLE `programme_sessions` DROP COLUMN `title_en`;--> statement-breakpoint
ALTER TABLE `programme_sessions` DROP COLUMN `description_ko`;--> statement-breakpoint
ALTER TABLE `programme_sessions` DROP COLUMN `description_en`;--> statement-breakpoint
ALTER TABLE `programme_sessions` DROP COLUMN `place_ko`;--> statement-breakpoint
ALTER TABLE `programme_sessions` DROP COLUMN `place_en`;