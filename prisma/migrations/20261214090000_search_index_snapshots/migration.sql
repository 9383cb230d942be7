-- Saved search indexes (src/knowledge/search/table-snapshot-store.ts), and change sequence numbers taken
-- only after the writing transaction has its id, so the index sync can tell which numbers may still
-- commit (src/knowledge/search/change-horizon.ts).

-- CreateTable
CREATE TABLE "search_index_snapshots" (
    "workspace_id" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "saved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_index_snapshots_pkey" PRIMARY KEY ("workspace_id","part")
);

-- AddForeignKey
ALTER TABLE "search_index_snapshots" ADD CONSTRAINT "search_index_snapshots_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A writer gets its transaction id before its change sequence number: a reader that sees number N
-- committed then knows that any writer still holding a lower number is in its snapshot's in-progress
-- list. Inserts take a number here too (their column default ran before the transaction had an id).
CREATE OR REPLACE FUNCTION "entries_bump_change_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  NEW."change_seq" := nextval(pg_get_serial_sequence('"entries"', 'change_seq'));
  RETURN NEW;
END $$;

CREATE TRIGGER "entries_bump_change_seq_on_insert" BEFORE INSERT ON "entries"
  FOR EACH ROW EXECUTE FUNCTION "entries_bump_change_seq"();
