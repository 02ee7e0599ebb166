CREATE TABLE "processed_requests" (
	"key" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "processed_requests_received_idx" ON "processed_requests" USING btree ("received_at");