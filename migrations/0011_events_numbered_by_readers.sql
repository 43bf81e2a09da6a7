ALTER TABLE "events" DROP CONSTRAINT "events_seq_unique";--> statement-breakpoint
DROP INDEX "events_org_seq_idx";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "seq" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
-- Events are numbered by their first reader (src/events/outbox.ts), not at insert.
ALTER TABLE "events" ALTER COLUMN "seq" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "events_seq_seq";--> statement-breakpoint
CREATE UNIQUE INDEX "events_org_seq_idx" ON "events" USING btree ("org_id","seq");
