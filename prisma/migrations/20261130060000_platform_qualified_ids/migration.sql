-- Workspace ids carry their platform (`slack:T0123ABC`, `teams:<tenant id>`), and so do the private
-- conversations entries are restricted to (`slack:C0123`, `teams:19:…`), so that an id made up on one
-- platform can never name a workspace, channel or person of the other.
--
-- Existing ids are qualified by their shape (Slack team ids T…/E…, Teams tenant ids are GUIDs), else by
-- the platform they were used from; `local` and other command-line names stay as they are.

CREATE TEMP TABLE workspace_platforms ON COMMIT DROP AS
WITH ids AS (
  SELECT id FROM "workspaces"
  UNION SELECT workspace_id FROM "accounts"
  UNION SELECT workspace_id FROM "trigger_events"
  UNION SELECT workspace_id FROM "nudges"
  UNION SELECT workspace_id FROM "references"
  UNION SELECT workspace_id FROM "reference_requests"
  UNION SELECT workspace_id FROM "processed_events"
  UNION SELECT workspace_id FROM "watched_channels"
  UNION SELECT workspace_id FROM "conversation_refs"
  UNION SELECT workspace_id FROM "chat_people"
  UNION SELECT workspace_id FROM "digest_subscriptions"
  UNION SELECT workspace_id FROM "digest_runs"
), used_from AS (
  SELECT workspace_id, platform FROM "processed_events"
  UNION SELECT workspace_id, platform FROM "watched_channels"
  UNION SELECT workspace_id, platform FROM "conversation_refs"
  UNION SELECT workspace_id, platform FROM "chat_people"
  UNION SELECT workspace_id, platform FROM "digest_subscriptions"
  UNION SELECT workspace_id, platform FROM "reference_requests"
  UNION SELECT workspace_id, platform FROM "questions"
)
SELECT id AS old_id,
  CASE
    WHEN id LIKE 'slack:%' OR id LIKE 'teams:%' THEN id
    WHEN id ~ '^[TE][A-Z0-9_]{2,}$' THEN 'slack:' || id
    WHEN id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN 'teams:' || lower(id)
    WHEN EXISTS (SELECT 1 FROM used_from u WHERE u.workspace_id = ids.id AND u.platform = 'slack') THEN 'slack:' || id
    WHEN EXISTS (SELECT 1 FROM used_from u WHERE u.workspace_id = ids.id AND u.platform = 'teams') THEN 'teams:' || id
    ELSE id
  END AS new_id
FROM ids;

DELETE FROM workspace_platforms WHERE new_id = old_id;

-- entries and questions follow through their foreign keys (ON UPDATE CASCADE).
UPDATE "workspaces" t SET id = m.new_id FROM workspace_platforms m WHERE t.id = m.old_id;
UPDATE "accounts" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "trigger_events" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "nudges" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "references" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "reference_requests" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "processed_events" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "watched_channels" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "conversation_refs" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "chat_people" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "digest_subscriptions" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;
UPDATE "digest_runs" t SET workspace_id = m.new_id FROM workspace_platforms m WHERE t.workspace_id = m.old_id;

-- A private entry's audience takes the platform it was captured on: its external id
-- (`slack:C0123:1700000000.000100`) says so; else its workspace does.
UPDATE "entries"
SET audience = CASE
    WHEN external_id LIKE 'slack:%' OR external_id LIKE 'teams:%' THEN split_part(external_id, ':', 1)
    ELSE split_part(workspace_id, ':', 1)
  END || ':' || audience
WHERE audience IS NOT NULL
  AND audience NOT LIKE 'slack:%' AND audience NOT LIKE 'teams:%'
  AND (external_id LIKE 'slack:%' OR external_id LIKE 'teams:%' OR workspace_id LIKE 'slack:%' OR workspace_id LIKE 'teams:%');

-- Questions asked in a private conversation keep it as their audience (DMs and private channels in
-- Slack, 1:1 and group chats in Teams), so curators' digests elsewhere only count them.
UPDATE "questions" SET audience = 'slack:' || channel
WHERE audience IS NULL AND platform = 'slack' AND channel ~ '^[DG]';
UPDATE "questions" SET audience = 'teams:' || split_part(channel, ';', 1)
WHERE audience IS NULL AND platform = 'teams' AND (channel LIKE 'a:%' OR channel LIKE '%@thread.v2%');
