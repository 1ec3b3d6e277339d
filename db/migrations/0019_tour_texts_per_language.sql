-- Tour texts become maps from language to text, filled from the Korean and English columns they replace.
ALTER TABLE `tours` ADD `title` text NOT NULL DEFAULT '{}';--> statement-breakpoint
ALTER TABLE `tours` ADD `description` text NOT NULL DEFAULT '{}';--> statement-breakpoint
ALTER TABLE `tours` ADD `meeting_point` text NOT NULL DEFAULT '{}';--> statement-breakpoint
UPDATE `tours` SET
	`title` = json_object('ko', `title_ko`, 'en', `title_en`),
	`description` = json_object('ko', `description_ko`, 'en', `description_en`),
	`meeting_point` = json_object('ko', `meeting_point_ko`, 'en', `meeting_point_en`);
