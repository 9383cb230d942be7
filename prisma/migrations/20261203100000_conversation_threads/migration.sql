-- CreateTable
CREATE TABLE "conversation_threads" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL,
    "audience" TEXT,
    "question" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "cited_entry_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "last_answer" TEXT NOT NULL DEFAULT '',
    "turns" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_threads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "conversation_threads_workspace_id_platform_conversation_id_thread_id_key" ON "conversation_threads"("workspace_id", "platform", "conversation_id", "thread_id");

-- CreateIndex
CREATE INDEX "conversation_threads_updated_at_idx" ON "conversation_threads"("updated_at");
