-- CreateTable
CREATE TABLE "digest_subscriptions" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "for_curators" BOOLEAN NOT NULL DEFAULT false,
    "created_by" TEXT NOT NULL,
    "scheduled_since" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "digest_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_runs" (
    "id" SERIAL NOT NULL,
    "subscription_id" INTEGER,
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "period_from" TIMESTAMPTZ(3) NOT NULL,
    "period_to" TIMESTAMPTZ(3) NOT NULL,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "for_curators" BOOLEAN NOT NULL DEFAULT false,
    "time_zone" TEXT NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'posting',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "retry_at" TIMESTAMPTZ(3),
    "posted_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "last_error" TEXT,

    CONSTRAINT "digest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "digest_subscriptions_platform_workspace_id_conversation_id_key" ON "digest_subscriptions"("platform", "workspace_id", "conversation_id");

-- CreateIndex
CREATE INDEX "digest_runs_platform_workspace_id_conversation_id_period_to_idx" ON "digest_runs"("platform", "workspace_id", "conversation_id", "period_to");

-- CreateIndex
CREATE INDEX "digest_runs_status_retry_at_idx" ON "digest_runs"("status", "retry_at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_runs_subscription_id_scheduled_for_key" ON "digest_runs"("subscription_id", "scheduled_for");

-- AddForeignKey
ALTER TABLE "digest_runs" ADD CONSTRAINT "digest_runs_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "digest_subscriptions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
