import type { Activity } from 'botbuilder';

/** Which authenticated activities Earshot acts on. */
export interface TeamsAdmission {
  /** `msteams`; the Bot Framework Emulator's `emulator` too in the dev mode without authentication. */
  channels: readonly string[];
  /** A SingleTenant app's tenant: activities from any other tenant are refused. */
  tenantId: string | undefined;
}

/**
 * Why an authenticated activity is refused (403), or null to act on it. A valid token only says the
 * Bot Framework sent it: Web Chat, Direct Line or another tenant must not reach Teams knowledge.
 */
export function refusalOf(activity: Activity, admission: TeamsAdmission): string | null {
  if (!admission.channels.includes(activity.channelId)) {
    return `channel ${JSON.stringify(activity.channelId ?? null)} is not served (only ${admission.channels.join(', ')})`;
  }
  if (admission.tenantId === undefined) return null;
  const expected = admission.tenantId.toLowerCase();
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenants = [channelData?.tenant?.id, activity.conversation?.tenantId].filter(
    (tenant) => tenant !== undefined && tenant !== null,
  );
  const ours = tenants.length > 0 && tenants.every((tenant) => String(tenant).toLowerCase() === expected);
  return ours ? null : 'the activity is not from this single-tenant app’s tenant';
}
