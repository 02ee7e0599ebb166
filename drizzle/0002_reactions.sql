CREATE TABLE "moment_seconders" (
	"team_id" text NOT NULL,
	"moment_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "moment_seconders_moment_id_user_id_pk" PRIMARY KEY("moment_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "moments" ADD COLUMN "source_ts" text;--> statement-breakpoint
ALTER TABLE "moment_seconders" ADD CONSTRAINT "moment_seconders_moment_id_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moments_team_source_idx" ON "moments" USING btree ("team_id","channel_id","source_ts") WHERE "moments"."source_ts" is not null;--> statement-breakpoint
CREATE INDEX "moments_team_recognition_idx" ON "moments" USING btree ("team_id","recognition_channel_id","recognition_ts") WHERE "moments"."recognition_ts" is not null;