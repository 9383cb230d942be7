-- An organization (a `workspaces` row) owns one knowledge base; chat installations link to it. Until now
-- a knowledge base was keyed by the Slack workspace or Teams tenant it served: each becomes an
-- organization with that one installation linked, keeping its id, so no other table changes.

-- CreateTable
CREATE TABLE "installations" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "enterprise_id" TEXT,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "installations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "installations_workspace_id_idx" ON "installations"("workspace_id");

-- AddForeignKey
ALTER TABLE "installations" ADD CONSTRAINT "installations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "installations" ("id", "platform", "workspace_id", "enterprise_id")
SELECT id, split_part(id, ':', 1), id, CASE WHEN id LIKE 'slack:E%' THEN split_part(id, ':', 2) END
FROM "workspaces"
WHERE id LIKE 'slack:%' OR id LIKE 'teams:%';
