CREATE TABLE "moment_standards" (
	"team_id" text NOT NULL,
	"moment_id" uuid NOT NULL,
	"standard_id" integer NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "moment_standards_moment_id_standard_id_pk" PRIMARY KEY("moment_id","standard_id")
);
--> statement-breakpoint
CREATE TABLE "standards" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"tag" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moment_standards" ADD CONSTRAINT "moment_standards_moment_id_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moment_standards" ADD CONSTRAINT "moment_standards_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moment_standards_team_created_idx" ON "moment_standards" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "moment_standards_standard_created_idx" ON "moment_standards" USING btree ("standard_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_team_tag_idx" ON "standards" USING btree ("team_id","tag");--> statement-breakpoint
-- Data: every workspace already known (a row in workspaces, or moments without one) starts
-- with the six default standards, in its language, in the documented order.
INSERT INTO "standards" ("team_id", "tag", "description", "position")
SELECT teams.team_id, defaults.tag,
  CASE WHEN teams.locale = 'fr' THEN defaults.fr ELSE defaults.en END,
  defaults.position
FROM (
  SELECT "team_id", "locale" FROM "workspaces"
  UNION
  SELECT DISTINCT m."team_id", 'en' FROM "moments" m
  WHERE NOT EXISTS (SELECT 1 FROM "workspaces" w WHERE w."team_id" = m."team_id")
) AS teams
CROSS JOIN (VALUES
  (1, 'same-day', 'Every customer hears back from us the same day.',
    'Chaque client reçoit une réponse de notre part dans la journée.'),
  (2, 'follow-up', 'After every fix, we check back that the customer is satisfied.',
    'Après chaque solution, nous vérifions auprès du client qu’il est satisfait.'),
  (3, 'own-it', 'Whoever hears of a problem owns it until it is solved: never “not my job”.',
    'Qui entend parler d’un problème s’en charge jusqu’à sa résolution : jamais « ce n’est pas mon travail ».'),
  (4, 'surprise', 'Give the customer something extra they did not expect.',
    'Offrir au client un petit plus auquel il ne s’attendait pas.'),
  (5, 'human', 'Treat every customer, outside or inside, as a person, not as a sale.',
    'Traiter chaque client, externe ou interne, comme une personne et non comme une vente.'),
  (6, 'share', 'Share what you learn about a customer with the team, on the spot.',
    'Partager sur le vif avec l’équipe ce que l’on apprend d’un client.')
) AS defaults(position, tag, en, fr)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Data: the tags moments cited (the moments.standards array) become links to those standards.
INSERT INTO "moment_standards" ("team_id", "moment_id", "standard_id", "kind", "created_at")
SELECT m."team_id", m."id", s."id", m."kind", m."created_at"
FROM "moments" m
CROSS JOIN LATERAL unnest(m."standards") AS cited(tag)
JOIN "standards" s ON s."team_id" = m."team_id" AND s."tag" = lower(cited.tag)
ON CONFLICT DO NOTHING;
