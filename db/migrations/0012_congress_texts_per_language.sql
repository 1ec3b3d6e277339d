ALTER TABLE `congresses` ADD `name` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `congresses` ADD `theme` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `congresses` ADD `languages` text DEFAULT '["en"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `congresses` ADD `archived_at` text;--> statement-breakpoint
UPDATE `congresses` SET `name` = json_object('ko', `name_ko`, 'en', `name_en`), `theme` = json_patch(json_patch('{}', CASE WHEN `theme_ko` IS NULL THEN '{}' ELSE json_object('ko', `theme_ko`) END), CASE WHEN `theme_en` IS NULL THEN '{}' ELSE json_object('en', `theme_en`) END), `languages` = '["ko","en"]';
