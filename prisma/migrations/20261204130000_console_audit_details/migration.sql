-- The console's audit log also records actions on many entries at once (import, export): those have no
-- single entry, and say what they did in `detail`.

-- AlterTable
ALTER TABLE "console_audit_events" ADD COLUMN     "detail" TEXT,
ALTER COLUMN "entry_id" DROP NOT NULL,
ALTER COLUMN "entry_title" DROP NOT NULL;
