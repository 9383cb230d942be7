-- CreateEnum
CREATE TYPE "TriggerType" AS ENUM ('funding', 'exec_hire', 'job_change', 'expansion', 'news');

-- CreateEnum
CREATE TYPE "NudgeStatus" AS ENUM ('pending', 'sending', 'sent', 'dismissed', 'failed');

-- CreateEnum
CREATE TYPE "ReferenceStatus" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "ReferenceRequestStatus" AS ENUM ('pending', 'approved', 'declined', 'done');

-- CreateTable
CREATE TABLE "chat_people" (
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email" TEXT,
    "time_zone" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_people_pkey" PRIMARY KEY ("platform","workspace_id","user_id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "domain" TEXT,
    "industry" TEXT,
    "owner_email" TEXT NOT NULL,
    "owner_slack_id" TEXT,
    "owner_teams_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trigger_events" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "type" "TriggerType" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "account_name" TEXT,
    "account_domain" TEXT,
    "account_id" INTEGER,
    "dedupe_key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trigger_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nudges" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "trigger_id" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "owner_email" TEXT NOT NULL,
    "status" "NudgeStatus" NOT NULL DEFAULT 'pending',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "platform" TEXT,
    "recipient_id" TEXT,
    "message_ref" JSONB,
    "snooze_count" INTEGER NOT NULL DEFAULT 0,
    "helpful" BOOLEAN,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nudges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "references" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "account_key" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "products" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "use_cases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "owner_email" TEXT,
    "owner_chat_id" TEXT,
    "max_requests_per_90_days" INTEGER NOT NULL,
    "cooldown_days" INTEGER NOT NULL,
    "status" "ReferenceStatus" NOT NULL DEFAULT 'active',
    "paused_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "references_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_requests" (
    "id" SERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "reference_id" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "note" TEXT,
    "status" "ReferenceRequestStatus" NOT NULL DEFAULT 'pending',
    "owner_note" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "override_by" TEXT,
    "override_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_people_workspace_id_email_idx" ON "chat_people"("workspace_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_workspace_id_name_key_key" ON "accounts"("workspace_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_workspace_id_domain_key" ON "accounts"("workspace_id", "domain");

-- CreateIndex
CREATE INDEX "trigger_events_workspace_id_occurred_at_idx" ON "trigger_events"("workspace_id", "occurred_at");

-- CreateIndex
CREATE INDEX "trigger_events_workspace_id_account_id_idx" ON "trigger_events"("workspace_id", "account_id");

-- CreateIndex
CREATE UNIQUE INDEX "trigger_events_workspace_id_dedupe_key_key" ON "trigger_events"("workspace_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "nudges_status_due_at_idx" ON "nudges"("status", "due_at");

-- CreateIndex
CREATE INDEX "nudges_workspace_id_created_at_idx" ON "nudges"("workspace_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "nudges_trigger_id_owner_email_key" ON "nudges"("trigger_id", "owner_email");

-- CreateIndex
CREATE UNIQUE INDEX "references_workspace_id_account_key_key" ON "references"("workspace_id", "account_key");

-- CreateIndex
CREATE INDEX "reference_requests_reference_id_status_idx" ON "reference_requests"("reference_id", "status");

-- CreateIndex
CREATE INDEX "reference_requests_workspace_id_created_at_idx" ON "reference_requests"("workspace_id", "created_at");

-- AddForeignKey
ALTER TABLE "trigger_events" ADD CONSTRAINT "trigger_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_trigger_id_fkey" FOREIGN KEY ("trigger_id") REFERENCES "trigger_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_reference_id_fkey" FOREIGN KEY ("reference_id") REFERENCES "references"("id") ON DELETE CASCADE ON UPDATE CASCADE;
