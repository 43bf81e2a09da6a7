CREATE TABLE "crm_activities" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"direction" text NOT NULL,
	"rep_user_id" text,
	"lead_id" text,
	"deal_id" text,
	"channel" text,
	"delivered" boolean DEFAULT true NOT NULL,
	"reply_to" text,
	"auto_reply" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_activities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_costs" (
	"org_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"category" text NOT NULL,
	"amount" numeric(18, 4) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_costs_org_id_period_start_period_end_category_pk" PRIMARY KEY("org_id","period_start","period_end","category")
);
--> statement-breakpoint
CREATE TABLE "crm_customers" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"churned_at" timestamp with time zone,
	"deal_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_customers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_deals" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"owner_user_id" text,
	"name" text,
	"amount" numeric(18, 4),
	"currency" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"lead_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_deals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_leads" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"owner_user_id" text,
	"source" text,
	"converted_deal_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_leads_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_activities" ADD CONSTRAINT "crm_activities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_activities" ADD CONSTRAINT "crm_activities_rep_user_id_users_id_fk" FOREIGN KEY ("rep_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_costs" ADD CONSTRAINT "crm_costs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD CONSTRAINT "crm_customers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_activities_org_out_at_idx" ON "crm_activities" USING btree ("org_id","at","rep_user_id") WHERE "crm_activities"."direction" = 'outbound' and "crm_activities"."delivered";--> statement-breakpoint
CREATE INDEX "crm_activities_org_lead_out_idx" ON "crm_activities" USING btree ("org_id","lead_id","at") WHERE "crm_activities"."direction" = 'outbound';--> statement-breakpoint
CREATE INDEX "crm_activities_org_reply_idx" ON "crm_activities" USING btree ("org_id","reply_to") WHERE "crm_activities"."direction" = 'inbound' and not "crm_activities"."auto_reply";--> statement-breakpoint
CREATE INDEX "crm_activities_org_rep_idx" ON "crm_activities" USING btree ("org_id","rep_user_id","id");--> statement-breakpoint
CREATE INDEX "crm_customers_org_started_idx" ON "crm_customers" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "crm_deals_org_created_idx" ON "crm_deals" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "crm_deals_org_closed_idx" ON "crm_deals" USING btree ("org_id","closed_at");--> statement-breakpoint
CREATE INDEX "crm_deals_org_owner_idx" ON "crm_deals" USING btree ("org_id","owner_user_id","id");--> statement-breakpoint
CREATE INDEX "crm_leads_org_created_idx" ON "crm_leads" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "crm_leads_org_owner_idx" ON "crm_leads" USING btree ("org_id","owner_user_id","id");