-- Room names and session texts become maps from language to text, filled from the Korean and English columns they replace.
ALTER TABLE `programme_rooms` ADD `name` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `programme_sessions` ADD `title` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `programme_sessions` ADD `description` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `programme_sessions` ADD `place` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE `programme_rooms` SET `name` = json_patch(json_patch('{}', CASE WHEN `name_ko` IS NULL OR `name_ko` = '' THEN '{}' ELSE json_object('ko', `name_ko`) END), CASE WHEN `name_en` IS NULL OR `name_en` = '' THEN '{}' ELSE json_object('en', `name_en`) END);--> statement-breakpoint
UPDATE `programme_sessions` SET
	`title` = json_patch(json_patch('{}', CASE WHEN `title_ko` IS NULL OR `title_ko` = '' THEN '{}' ELSE json_object('ko', `title_ko`) END), CASE WHEN `title_en` IS NULL OR `title_en` = '' THEN '{}' ELSE json_object('en', `title_en`) END),
	`description` = json_patch(json_patch('{}', CASE WHEN `description_ko` IS NULL OR `description_ko` = '' THEN '{}' ELSE json_object('ko', `description_ko`) END), CASE WHEN `description_en` IS NULL OR `description_en` = '' THEN '{}' ELSE json_object('en', `description_en`) END),
	`place` = json_patch(json_patch('{}', CASE WHEN `place_ko` IS NULL OR `place_ko` = '' THEN '{}' ELSE json_object('ko', `place_ko`) END), CASE WHEN `place_en` IS NULL OR `place_en` = '' THEN '{}' ELSE json_object('en', `place_en`) END);
