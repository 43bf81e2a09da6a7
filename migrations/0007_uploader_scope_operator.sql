DROP INDEX "calls_org_hash_uq";--> statement-breakpoint
DROP INDEX "calls_org_idem_uq";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "uploaded_by_user_id" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_org_uploader_hash_uq" ON "calls" USING btree ("org_id","uploaded_by_user_id","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_org_uploader_idem_uq" ON "calls" USING btree ("org_id","uploaded_by_user_id","idempotency_key") WHERE "calls"."idempotency_key" is not null;