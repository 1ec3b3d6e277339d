ALTER TABLE `outbox_messages` ADD `once_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_once_key_unique` ON `outbox_messages` (`once_key`);