CREATE TABLE `relationship_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`relationship_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`text` text NOT NULL,
	`reading` text NOT NULL,
	`correction` text DEFAULT '{}' NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relationship_id`) REFERENCES `relationships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `relationship_entries_relationship_idx` ON `relationship_entries` (`relationship_id`,`at`);--> statement-breakpoint
CREATE INDEX `relationship_entries_user_id_idx` ON `relationship_entries` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `relationships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`relation` text NOT NULL,
	`style` text,
	`known_priorities` text DEFAULT '[]' NOT NULL,
	`your_goal` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `relationships_user_id_idx` ON `relationships` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `relationship_id` text REFERENCES relationships(id);--> statement-breakpoint
ALTER TABLE `sessions` ADD `persona_override` text;