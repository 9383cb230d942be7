-- CreateIndex
CREATE INDEX "entries_workspace_id_created_at_idx" ON "entries"("workspace_id", "created_at");
