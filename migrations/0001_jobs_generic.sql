ALTER TABLE "jobs" RENAME COLUMN "call_id" TO "subject";--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "jobs_call_id_calls_id_fk";
--> statement-breakpoint
DROP INDEX "jobs_call_idx";--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "kind" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "payload" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_subject_idx" ON "jobs" USING btree ("subject");--> statement-breakpoint
DROP TYPE "public"."job_kind";