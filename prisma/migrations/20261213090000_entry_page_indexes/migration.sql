-- An entry's console page counts the answers that cited it, and the console lists the private
-- conversations captures came from (to ask who is in them): both without reading every row.

-- CreateIndex
CREATE INDEX "entries_workspace_id_audience_idx" ON "entries"("workspace_id", "audience");

-- CreateIndex
-- Without the pending list: PGlite never vacuums, so pending entries would be read on every look-up.
CREATE INDEX "questions_source_ids_idx" ON "questions" USING GIN ("source_ids") WITH (fastupdate = off);
