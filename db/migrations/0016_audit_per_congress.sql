ALTER TABLE `audit_log` ADD `congress_id` integer REFERENCES congresses(id);--> statement-breakpoint
CREATE INDEX `audit_log_congress_at` ON `audit_log` (`congress_id`,`at`);--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = (SELECT `congress_id` FROM `delegates` WHERE `delegates`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'delegate';--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = (SELECT `congress_id` FROM `delegate_categories` WHERE `delegate_categories`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'category';--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = (SELECT `congress_id` FROM `consultation_meetings` WHERE `consultation_meetings`.`id` = `audit_log`.`entity_id`) WHERE `entity` IN ('consultation_meeting', 'meeting');--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = (SELECT `congress_id` FROM `consultation_participants` WHERE `consultation_participants`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'consultation_participant';--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = (SELECT `congress_id` FROM `programme_sessions` WHERE `programme_sessions`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'programme_session';--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = (SELECT `congress_id` FROM `api_tokens` WHERE `api_tokens`.`id` = `audit_log`.`entity_id`) WHERE `entity` = 'api_token';--> statement-breakpoint
UPDATE `audit_log` SET `congress_id` = `entity_id` WHERE `entity` = 'congress';
