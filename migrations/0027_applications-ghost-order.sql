-- The dashboard's ghost suggestions read applications at Applied in this order (the longest waiting
-- first) until ten have heard nothing, instead of reading and sorting every one of them.
CREATE INDEX "applications_user_ghost_idx" ON "jobtrack"."applications" USING btree ("user_id",coalesce("date_applied", ("created_at" at time zone 'Europe/London')::date),"id") WHERE "jobtrack"."applications"."status" = 'applied';
