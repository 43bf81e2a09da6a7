CREATE TABLE "crm_activity_days" (
	"org_id" text NOT NULL,
	"day" date NOT NULL,
	"rep" text NOT NULL,
	"sent" integer NOT NULL,
	"replied" integer NOT NULL,
	CONSTRAINT "crm_activity_days_org_id_day_rep_pk" PRIMARY KEY("org_id","day","rep")
);
--> statement-breakpoint
ALTER TABLE "crm_activity_days" ADD CONSTRAINT "crm_activity_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Fill the rollup from the activities already stored.
INSERT INTO "crm_activity_days" ("org_id", "day", "rep", "sent", "replied")
SELECT "org_id", ("at" AT TIME ZONE 'UTC')::date, coalesce("rep_user_id", ''), count(*), count(*) FILTER (WHERE "human_reply")
FROM "crm_activities" WHERE "direction" = 'outbound' AND "delivered" GROUP BY 1, 2, 3;--> statement-breakpoint
-- Keep it: one statement-level trigger per kind of write. The rows a statement removed count -1 in
-- their (organization, UTC day, rep) and the rows it wrote +1, netted per key, so an update that
-- changes none of the counted columns writes nothing. A delete checks that the organization still
-- exists: deleting it cascades to both tables, and its rollup goes with it.
CREATE FUNCTION "crm_activity_days_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "crm_activity_days" AS d ("org_id", "day", "rep", "sent", "replied")
    SELECT "org_id", ("at" AT TIME ZONE 'UTC')::date, coalesce("rep_user_id", ''), count(*), count(*) FILTER (WHERE "human_reply")
    FROM new_rows WHERE "direction" = 'outbound' AND "delivered" GROUP BY 1, 2, 3
    ON CONFLICT ("org_id", "day", "rep") DO UPDATE
      SET "sent" = d."sent" + excluded."sent", "replied" = d."replied" + excluded."replied";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "crm_activity_days" AS d ("org_id", "day", "rep", "sent", "replied")
    SELECT o."org_id", (o."at" AT TIME ZONE 'UTC')::date, coalesce(o."rep_user_id", ''), -count(*), -count(*) FILTER (WHERE o."human_reply")
    FROM old_rows o
    WHERE o."direction" = 'outbound' AND o."delivered"
      AND EXISTS (SELECT 1 FROM "organizations" g WHERE g."id" = o."org_id")
    GROUP BY 1, 2, 3
    ON CONFLICT ("org_id", "day", "rep") DO UPDATE
      SET "sent" = d."sent" + excluded."sent", "replied" = d."replied" + excluded."replied";
  ELSE
    INSERT INTO "crm_activity_days" AS d ("org_id", "day", "rep", "sent", "replied")
    SELECT c."org_id", c."day", c."rep", sum(c."sent"), sum(c."replied")
    FROM (
      SELECT "org_id", ("at" AT TIME ZONE 'UTC')::date AS "day", coalesce("rep_user_id", '') AS "rep",
        -1 AS "sent", -("human_reply"::int) AS "replied"
      FROM old_rows WHERE "direction" = 'outbound' AND "delivered"
      UNION ALL
      SELECT "org_id", ("at" AT TIME ZONE 'UTC')::date, coalesce("rep_user_id", ''), 1, "human_reply"::int
      FROM new_rows WHERE "direction" = 'outbound' AND "delivered"
    ) c
    GROUP BY 1, 2, 3
    HAVING sum(c."sent") <> 0 OR sum(c."replied") <> 0
    ON CONFLICT ("org_id", "day", "rep") DO UPDATE
      SET "sent" = d."sent" + excluded."sent", "replied" = d."replied" + excluded."replied";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "crm_activity_days_insert" AFTER INSERT ON "crm_activities"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crm_activity_days_apply"();--> statement-breakpoint
CREATE TRIGGER "crm_activity_days_update" AFTER UPDATE ON "crm_activities"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crm_activity_days_apply"();--> statement-breakpoint
CREATE TRIGGER "crm_activity_days_delete" AFTER DELETE ON "crm_activities"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crm_activity_days_apply"();
