-- Slack OAuth installs: each installed workspace (or Enterprise Grid org) with its bot token encrypted at
-- rest; and, for proactive messages, the installation whose token reaches a stored person or conversation.

-- AlterTable
ALTER TABLE "chat_people" ADD COLUMN     "installation_id" TEXT;

-- AlterTable
ALTER TABLE "conversation_refs" ADD COLUMN     "installation_id" TEXT;

-- CreateTable
CREATE TABLE "slack_installations" (
    "id" TEXT NOT NULL,
    "team_id" TEXT,
    "team_name" TEXT,
    "enterprise_id" TEXT,
    "enterprise_name" TEXT,
    "enterprise_url" TEXT,
    "is_enterprise_install" BOOLEAN NOT NULL,
    "app_id" TEXT,
    "bot_id" TEXT,
    "bot_user_id" TEXT,
    "bot_token" TEXT,
    "bot_scopes" TEXT NOT NULL,
    "installer_user_id" TEXT,
    "installed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tokens_deleted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slack_installations_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "slack_installations" ADD CONSTRAINT "slack_installations_id_fkey" FOREIGN KEY ("id") REFERENCES "installations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
