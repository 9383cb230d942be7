-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "answer" JSONB;

-- CreateTable
CREATE TABLE "processed_events" (
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("platform","workspace_id","event_id")
);

-- CreateIndex
CREATE INDEX "processed_events_received_at_idx" ON "processed_events"("received_at");
