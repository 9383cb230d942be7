/**
 * Curators as EARSHOT_CURATORS names them, sorted by platform so an id is only ever matched on its own
 * platform: a Teams request carrying a Slack curator's user id is nobody. Emails match on either
 * platform, against the profile the platform itself reports.
 */
export interface CuratorIds {
  slackUsers: ReadonlySet<string>;
  slackGroups: ReadonlySet<string>;
  /** Teams user ids (`29:…`) and AAD object ids, lower-cased. */
  teamsUsers: ReadonlySet<string>;
  /** Lower-cased. */
  emails: ReadonlySet<string>;
}

type CuratorId = { kind: 'slackUser' | 'slackGroup' | 'teamsUser' | 'email'; id: string };

const SLACK_USER = /^[UW][A-Z0-9_]+$/;
const SLACK_GROUP = /^S[A-Z0-9_]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** One EARSHOT_CURATORS entry, or null when it is none of the forms Earshot knows. */
export function parseCuratorId(entry: string): CuratorId | null {
  const value = entry.trim();
  if (value.startsWith('slack:')) return parseSlack(value.slice('slack:'.length));
  if (value.startsWith('teams:')) return parseTeams(value.slice('teams:'.length));
  if (EMAIL.test(value)) return { kind: 'email', id: value.toLowerCase() };
  return parseSlack(value) ?? parseTeams(value);
}

export function parseCuratorIds(entries: readonly string[]): CuratorIds {
  const ids = entries.flatMap((entry) => parseCuratorId(entry) ?? []);
  const of = (kind: CuratorId['kind']) => new Set(ids.filter((id) => id.kind === kind).map((id) => id.id));
  return {
    slackUsers: of('slackUser'),
    slackGroups: of('slackGroup'),
    teamsUsers: of('teamsUser'),
    emails: of('email'),
  };
}

function parseSlack(value: string): CuratorId | null {
  if (SLACK_USER.test(value)) return { kind: 'slackUser', id: value };
  if (SLACK_GROUP.test(value)) return { kind: 'slackGroup', id: value };
  return null;
}

function parseTeams(value: string): CuratorId | null {
  return value.startsWith('29:') || GUID.test(value) ? { kind: 'teamsUser', id: value.toLowerCase() } : null;
}
