/**
 * Curators as EARSHOT_CURATORS or `earshot curators add` name them, sorted by platform so an id is only
 * ever matched on its own platform: a Teams request carrying a Slack curator's user id is nobody. Emails
 * match on either platform, against the profile the platform itself reports.
 */
export interface CuratorIds {
  slackUsers: ReadonlySet<string>;
  slackGroups: ReadonlySet<string>;
  /** Teams user ids (`29:…`) and AAD object ids, lower-cased. */
  teamsUsers: ReadonlySet<string>;
  /** Lower-cased. */
  emails: ReadonlySet<string>;
}

/** One curator identity: Slack ids as Slack writes them, Teams ids and emails lower-cased. */
export type CuratorId = { kind: CuratorKind; id: string };
export type CuratorKind = 'slackUser' | 'slackGroup' | 'teamsUser' | 'email';

/** What a curator identity may be, for error messages. */
export const CURATOR_ID_FORMS =
  'a Slack user id (U0123ABC or W0123ABC), a Slack user group id (S0123ABC), a Teams AAD object id (a GUID) or Teams user id (29:…), or an email; write slack:… or teams:… to be explicit';

const SLACK_USER = /^[UW][A-Z0-9_]+$/;
const SLACK_GROUP = /^S[A-Z0-9_]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** One curator entry, or null when it is none of the forms Earshot knows. */
export function parseCuratorId(entry: string): CuratorId | null {
  const value = entry.trim();
  if (value.startsWith('slack:')) return parseSlack(value.slice('slack:'.length));
  if (value.startsWith('teams:')) return parseTeams(value.slice('teams:'.length));
  if (EMAIL.test(value)) return { kind: 'email', id: value.toLowerCase() };
  return parseSlack(value) ?? parseTeams(value);
}

export function parseCuratorIds(entries: readonly string[]): CuratorIds {
  return curatorIdsOf(entries.flatMap((entry) => parseCuratorId(entry) ?? []));
}

export function curatorIdsOf(ids: readonly CuratorId[]): CuratorIds {
  const of = (kind: CuratorId['kind']) => new Set(ids.filter((id) => id.kind === kind).map((id) => id.id));
  return {
    slackUsers: of('slackUser'),
    slackGroups: of('slackGroup'),
    teamsUsers: of('teamsUser'),
    emails: of('email'),
  };
}

/** How a curator is written back: `slack:U0123`, `teams:<id>`, or the email; `parseCuratorId` reads it again. */
export function describeCuratorId({ kind, id }: CuratorId): string {
  if (kind === 'email') return id;
  return `${kind === 'teamsUser' ? 'teams' : 'slack'}:${id}`;
}

/** True when nobody is named: then curator-only settings are open to everyone, as before curators. */
export function noCurators(ids: CuratorIds): boolean {
  return ids.slackUsers.size + ids.slackGroups.size + ids.teamsUsers.size + ids.emails.size === 0;
}

function parseSlack(value: string): CuratorId | null {
  if (SLACK_USER.test(value)) return { kind: 'slackUser', id: value };
  if (SLACK_GROUP.test(value)) return { kind: 'slackGroup', id: value };
  return null;
}

function parseTeams(value: string): CuratorId | null {
  return value.startsWith('29:') || GUID.test(value) ? { kind: 'teamsUser', id: value.toLowerCase() } : null;
}
