-- CreateTable
CREATE TABLE "conversation_refs" (
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" TEXT,
    "reference" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_refs_pkey" PRIMARY KEY ("platform","workspace_id","conversation_id")
);

-- CreateIndex
CREATE INDEX "conversation_refs_platform_workspace_id_user_id_idx" ON "conversation_refs"("platform", "workspace_id", "user_id");
