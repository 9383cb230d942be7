-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EntryKind" AS ENUM ('chatter', 'tip', 'research', 'expert');

-- CreateEnum
CREATE TYPE "BuyingStage" AS ENUM ('explore', 'evaluate', 'decide', 'implement');

-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('pending', 'published', 'rejected', 'archived');

-- CreateTable
CREATE TABLE "workspaces" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entries" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "external_id" TEXT,
    "kind" "EntryKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source_url" TEXT,
    "source_channel" TEXT,
    "source_author" TEXT,
    "source_account" TEXT,
    "contributor" TEXT,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "stage" "BuyingStage",
    "status" "EntryStatus" NOT NULL DEFAULT 'pending',
    "review_by" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "change_seq" BIGSERIAL NOT NULL,

    CONSTRAINT "entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questions" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "asked_by" TEXT,
    "platform" TEXT NOT NULL DEFAULT 'cli',
    "channel" TEXT,
    "answered" BOOLEAN NOT NULL,
    "source_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "used_model" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question_feedback" (
    "id" SERIAL NOT NULL,
    "question_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entries_workspace_id_change_seq_idx" ON "entries"("workspace_id", "change_seq");

-- CreateIndex
CREATE INDEX "entries_workspace_id_status_kind_idx" ON "entries"("workspace_id", "status", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "entries_workspace_id_external_id_key" ON "entries"("workspace_id", "external_id");

-- CreateIndex
CREATE INDEX "questions_workspace_id_created_at_idx" ON "questions"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "questions_workspace_id_answered_idx" ON "questions"("workspace_id", "answered");

-- CreateIndex
CREATE UNIQUE INDEX "question_feedback_question_id_user_id_key" ON "question_feedback"("question_id", "user_id");

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_feedback" ADD CONSTRAINT "question_feedback_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bump change_seq on every update too, so in-process search indexes can sync incrementally.
CREATE FUNCTION "entries_bump_change_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."change_seq" := nextval(pg_get_serial_sequence('"entries"', 'change_seq'));
  RETURN NEW;
END $$;

CREATE TRIGGER "entries_bump_change_seq" BEFORE UPDATE ON "entries"
  FOR EACH ROW EXECUTE FUNCTION "entries_bump_change_seq"();
