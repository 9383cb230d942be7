-- AlterTable
ALTER TABLE "entries" ADD COLUMN     "audience" TEXT,
ADD COLUMN     "content_hash" TEXT;

-- CreateTable
CREATE TABLE "watched_channels" (
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "watched_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watched_channels_pkey" PRIMARY KEY ("platform","workspace_id","conversation_id")
);

-- CreateIndex
CREATE INDEX "entries_workspace_id_content_hash_idx" ON "entries"("workspace_id", "content_hash");
