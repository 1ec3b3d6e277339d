CREATE TABLE `congress_memberships` (
	`congress_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`disabled_at` text,
	PRIMARY KEY(`congress_id`, `account_id`),
	FOREIGN KEY (`congress_id`) REFERENCES `congresses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `congress_memberships_account` ON `congress_memberships` (`account_id`);--> statement-breakpoint
-- Accounts were installation-wide: each keeps its powers in every edition that exists. The first organiser owns
-- them; staff, who did both the desk and the floor before, become desk staff.
INSERT INTO `congress_memberships` (`congress_id`, `account_id`, `role`, `created_at`, `disabled_at`)
SELECT c.`id`, a.`id`,
	CASE WHEN a.`role` = 'staff' THEN 'desk'
		WHEN a.`id` = (SELECT min(`id`) FROM `accounts` WHERE `role` = 'organiser') THEN 'owner'
		ELSE 'organiser' END,
	a.`created_at`, a.`disabled_at`
FROM `accounts` a CROSS JOIN `congresses` c;--> statement-breakpoint
UPDATE `account_invitations` SET `role` = 'desk' WHERE `role` = 'staff';--> statement-breakpoint
ALTER TABLE `accounts` DROP COLUMN `role`;--> statement-breakpoint
ALTER TABLE `accounts` DROP COLUMN `disabled_at`;