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
ALTER TABLE "pulse_answers" ADD CONSTRAINT "pulse_answers_pulse_id_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participants" ADD CONSTRAINT "pulse_participants_pulse_id_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_answers_pulse_respondent_idx" ON "pulse_answers" USING btree ("pulse_id","respondent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pulses_one_open_per_channel_idx" ON "pulses" USING btree ("team_id","channel_id") WHERE "pulses"."status" = 'open';--> statement-breakpoint
CREATE INDEX "pulses_team_channel_opened_idx" ON "pulses" USING btree ("team_id","channel_id","opened_at");--> statement-breakpoint
CREATE INDEX "pulses_status_closes_idx" ON "pulses" USING btree ("status","closes_at");