-- The console's account list: filter by owner or industry in name order, fast at 100k accounts.

-- CreateIndex
CREATE INDEX "accounts_workspace_id_owner_email_idx" ON "accounts"("workspace_id", "owner_email");

-- CreateIndex
CREATE INDEX "accounts_workspace_id_industry_name_key_idx" ON "accounts"("workspace_id", "industry", "name_key");

-- Matching keys compare byte by byte ("C"), whatever the database's locale: then a search for the start
-- of a name, domain or owner email (LIKE 'acme%') is an index range scan on any PostgreSQL server, not a
-- scan of every account (only the "C" collation lets PostgreSQL use a plain index for LIKE).
ALTER TABLE "accounts" ALTER COLUMN "name_key" TYPE TEXT COLLATE "C",
  ALTER COLUMN "domain" TYPE TEXT COLLATE "C",
  ALTER COLUMN "owner_email" TYPE TEXT COLLATE "C";
