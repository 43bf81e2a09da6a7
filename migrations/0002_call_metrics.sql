CREATE TABLE "call_metrics" (
	"call_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"rep_user_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"crm_deal_id" text,
	"language" text NOT NULL,
	"duration_sec" double precision,
	"talk_ratio" double precision,
	"longest_monologue_sec" double precision,
	"longest_customer_story_sec" double precision,
	"patience_sec" double precision,
	"interactivity" double precision,
	"silence_sec" double precision,
	"pauses" integer,
	"longest_pause_sec" double precision,
	"rep_questions_open" integer NOT NULL,
	"rep_questions_closed" integer NOT NULL,
	"customer_questions_open" integer NOT NULL,
	"customer_questions_closed" integer NOT NULL,
	"rep_fillers_per_min" double precision,
	"rep_wpm" double precision,
	"objections" integer,
	"objections_resolved" integer,
	"playbook_score" double precision,
	"playbook" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_metrics" ADD CONSTRAINT "call_metrics_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_metrics" ADD CONSTRAINT "call_metrics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_metrics" ADD CONSTRAINT "call_metrics_rep_user_id_users_id_fk" FOREIGN KEY ("rep_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_metrics_org_occurred_idx" ON "call_metrics" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "call_metrics_org_rep_occurred_idx" ON "call_metrics" USING btree ("org_id","rep_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "call_metrics_org_deal_idx" ON "call_metrics" USING btree ("org_id","crm_deal_id");--> statement-breakpoint
CREATE INDEX "calls_org_deal_idx" ON "calls" USING btree ("org_id","crm_deal_id");