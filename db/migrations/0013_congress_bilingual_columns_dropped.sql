ALTER TABLE `congresses` DROP COLUMN `name_ko`;--> statement-breakpoint
ALTER TABLE `congresses` DROP COLUMN `name_en`;--> statement-breakpoint
ALTER TABLE `congresses` DROP COLUMN `theme_ko`;--> statement-breakpoint
ALTER TABLE `congresses` DROP COLUMN `theme_en`;