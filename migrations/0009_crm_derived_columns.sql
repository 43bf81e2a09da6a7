DROP INDEX "crm_activities_org_out_at_idx";--> statement-breakpoint
DROP INDEX "crm_leads_org_created_idx";--> statement-breakpoint
ALTER TABLE "crm_activities" ADD COLUMN "human_reply" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_leads" ADD COLUMN "first_response_at" timestamp with time zone;--> statement-breakpoint
-- Fill the derived columns of the records already stored (what src/crm/derived.ts keeps true).
UPDATE "crm_leads" l SET "first_response_at" = (SELECT min(a."at") FROM "crm_activities" a WHERE a."org_id" = l."org_id" AND a."lead_id" = l."id" AND a."direction" = 'outbound' AND a."at" >= l."created_at") WHERE EXISTS (SELECT 1 FROM "crm_activities" a WHERE a."org_id" = l."org_id" AND a."lead_id" = l."id" AND a."direction" = 'outbound' AND a."at" >= l."created_at");--> statement-breakpoint
UPDATE "crm_activities" a SET "human_reply" = true WHERE EXISTS (SELECT 1 FROM "crm_activities" r WHERE r."org_id" = a."org_id" AND r."reply_to" = a."id" AND r."direction" = 'inbound' AND NOT r."auto_reply");--> statement-breakpoint
CREATE INDEX "crm_activities_org_out_at_idx" ON "crm_activities" USING btree ("org_id","at","rep_user_id","human_reply") WHERE "crm_activities"."direction" = 'outbound' and "crm_activities"."delivered";--> statement-breakpoint
CREATE INDEX "crm_leads_org_created_idx" ON "crm_leads" USING btree ("org_id","created_at","owner_user_id","first_response_at","converted_deal_id");