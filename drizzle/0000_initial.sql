CREATE TABLE "mantra_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"mantra_id" integer,
	"moment_id" uuid,
	"channel_id" text NOT NULL,
	"message_ts" text,
	"posted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mantras" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"text" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moment_colleagues" (
	"team_id" text NOT NULL,
	"moment_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "moment_colleagues_moment_id_user_id_pk" PRIMARY KEY("moment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"kind" text NOT NULL,
	"author_id" text NOT NULL,
	"customer_type" text NOT NULL,
	"touchpoint" text NOT NULL,
	"impact" text NOT NULL,
	"story" text NOT NULL,
	"lesson" text,
	"follow_up_user_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text NOT NULL,
	"channel_id" text,
	"permalink" text,
	"recognition_channel_id" text,
	"recognition_ts" text,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "processed_events" (
	"team_id" text NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_team_id_event_id_pk" PRIMARY KEY("team_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "pulse_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"pulse_id" uuid NOT NULL,
	"respondent_id" text,
	"score" smallint NOT NULL,
	"vision" text,
	"motivation" text,
	"human" text,
	CONSTRAINT "pulse_answers_score_range" CHECK ("pulse_answers"."score" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "pulse_participants" (
	"team_id" text NOT NULL,
	"pulse_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "pulse_participants_pulse_id_user_id_pk" PRIMARY KEY("pulse_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pulses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"schedule_id" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"message_ts" text,
	"results_ts" text,
	"results_claimed_at" timestamp with time zone,
	"results_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "schedule_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"schedule_id" integer NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"message_ts" text,
	"error" text,
	"claimed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"kind" text NOT NULL,
	"channel_id" text NOT NULL,
	"cron" text NOT NULL,
	"timezone" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"failing" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"team_id" text PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"timezone" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mantra_posts" ADD CONSTRAINT "mantra_posts_mantra_id_mantras_id_fk" FOREIGN KEY ("mantra_id") REFERENCES "public"."mantras"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mantra_posts" ADD CONSTRAINT "mantra_posts_moment_id_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."moments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moment_colleagues" ADD CONSTRAINT "moment_colleagues_moment_id_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_answers" ADD CONSTRAINT "pulse_answers_pulse_id_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participants" ADD CONSTRAINT "pulse_participants_pulse_id_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mantra_posts_team_posted_idx" ON "mantra_posts" USING btree ("team_id","posted_at");--> statement-breakpoint
CREATE INDEX "mantras_team_idx" ON "mantras" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "moment_colleagues_team_user_idx" ON "moment_colleagues" USING btree ("team_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "moment_colleagues_team_created_idx" ON "moment_colleagues" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "moments_team_created_idx" ON "moments" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "moments_team_author_idx" ON "moments" USING btree ("team_id","author_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "moments_team_dedupe_idx" ON "moments" USING btree ("team_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "processed_events_received_idx" ON "processed_events" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_answers_pulse_respondent_idx" ON "pulse_answers" USING btree ("pulse_id","respondent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pulses_one_open_per_channel_idx" ON "pulses" USING btree ("team_id","channel_id") WHERE "pulses"."status" = 'open';--> statement-breakpoint
CREATE INDEX "pulses_team_channel_opened_idx" ON "pulses" USING btree ("team_id","channel_id","opened_at");--> statement-breakpoint
CREATE INDEX "pulses_status_closes_idx" ON "pulses" USING btree ("status","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_runs_schedule_fire_idx" ON "schedule_runs" USING btree ("schedule_id","fire_at");--> statement-breakpoint
CREATE INDEX "schedule_runs_retry_idx" ON "schedule_runs" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "schedules_team_idx" ON "schedules" USING btree ("team_id");