-- CreateTable
CREATE TABLE "synonyms" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "synonym" TEXT NOT NULL,
    "pair_key" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "synonyms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "synonyms_workspace_id_pair_key_key" ON "synonyms"("workspace_id", "pair_key");

-- AddForeignKey
ALTER TABLE "synonyms" ADD CONSTRAINT "synonyms_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
