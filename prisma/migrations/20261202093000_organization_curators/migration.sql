-- Curators and curators' channels per organization. An organization with no curators of its own keeps
-- using EARSHOT_CURATORS, and a platform with no curators' channel EARSHOT_CURATOR_CHANNEL, so existing
-- set-ups behave as before.

-- CreateTable
CREATE TABLE "curators" (
    "workspace_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "added_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "curators_pkey" PRIMARY KEY ("workspace_id","kind","identity")
);

-- CreateTable
CREATE TABLE "curator_channels" (
    "workspace_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "curator_channels_pkey" PRIMARY KEY ("workspace_id","platform")
);

-- AddForeignKey
ALTER TABLE "curators" ADD CONSTRAINT "curators_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curator_channels" ADD CONSTRAINT "curator_channels_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
