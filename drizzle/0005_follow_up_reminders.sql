CREATE TABLE "follow_up_reminders" (
	"team_id" text NOT NULL,
	"moment_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"owner_id" text NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "follow_up_reminders_moment_id_round_pk" PRIMARY KEY("moment_id","round"),
	CONSTRAINT "follow_up_reminders_round" CHECK ("follow_up_reminders"."round" in (1, 2))
);
--> statement-breakpoint
ALTER TABLE "moments" ADD COLUMN "followed_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "follow_up_reminders" ADD CONSTRAINT "follow_up_reminders_moment_id_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moments_open_follow_up_idx" ON "moments" USING btree ("created_at") WHERE "moments"."kind" = 'complaint' and "moments"."followed_up_at" is null;--> statement-breakpoint
CREATE INDEX "moments_team_followed_up_idx" ON "moments" USING btree ("team_id","followed_up_at") WHERE "moments"."followed_up_at" is not null;--> statement-breakpoint
-- Complaints already learned from and resolved before this migration are followed up.
UPDATE "moments" SET "followed_up_at" = coalesce("resolved_at", "updated_at") WHERE "kind" = 'complaint' AND "lesson" IS NOT NULL AND "status" = 'resolved';
