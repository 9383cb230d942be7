-- The console's account list: filter by owner or industry in name order, fast at 100k accounts.

-- CreateIndex
CREATE INDEX "accounts_workspace_id_owner_email_idx" ON "accounts"("workspace_id", "owner_email");

-- CreateIndex
CREATE INDEX "accounts_workspace_id_industry_name_key_idx" ON "accounts"("workspace_id", "industry", "name_key");
