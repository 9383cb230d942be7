-- Saved search indexes (src/knowledge/search/table-snapshot-store.ts), and writers of entries that
-- announce themselves, so the index sync can tell when no uncommitted change number is left below
-- what it read (src/knowledge/search/change-horizon.ts).

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

-- A writer holds advisory lock 7263541903 shared from before it takes a change number until it
-- commits: a sync that gets the lock exclusively (and never waits for it) knows every number handed
-- out so far is committed or rolled back. Inserts take their number here too, after the lock (their
-- column default ran before it).
CREATE OR REPLACE FUNCTION "entries_bump_change_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7263541903);
  NEW."change_seq" := nextval(pg_get_serial_sequence('"entries"', 'change_seq'));
  RETURN NEW;
END $$;

CREATE TRIGGER "entries_bump_change_seq_on_insert" BEFORE INSERT ON "entries"
  FOR EACH ROW EXECUTE FUNCTION "entries_bump_change_seq"();
