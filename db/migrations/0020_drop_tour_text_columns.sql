ALTER TABLE `tours` DROP COLUMN `title_ko`;--> statement-breakpoint
ALTER TABLE `tours` DROP COLUMN `title_en`;--> statement-breakpoint
ALTER TABLE `tours` DROP COLUMN `description_ko`;--> statement-breakpoint
ALTER TABLE `tours` DROP COLUMN `description_en`;--> statement-breakpoint
ALTER TABLE `tours` DROP COLUMN `meeting_point_ko`;--> statement-breakpoint
ALTER TABLE `tours` DROP COLUMN `meeting_point_en`;