CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deactivated_people" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deactivated_people_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "uninstalled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_log_team_created_idx" ON "audit_log" USING btree ("team_id","created_at");