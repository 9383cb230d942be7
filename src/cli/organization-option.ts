import { platformOfKey, workspaceFromInput } from '../knowledge/workspaces/platform-ids.ts';
import type { Earshot } from '../main.ts';

/**
 * The organization `--org` names: by id or name, or by a Slack team / Teams tenant id linked to it. A
 * Slack team or Teams tenant Earshot has not heard from yet has the organization its first request
 * will give it; a command that changes something makes it now, so curators can be named before anyone
 * asks anything.
 */
export async function organizationOption(
  earshot: Pick<Earshot, 'organizations'>,
  input: string,
  options: { create: boolean },
): Promise<string> {
  const { organizations } = earshot;
  const installation = workspaceFromInput(input);
  const found = (await organizations.find(input)) ?? (await organizations.find(installation));
  if (found) return found;
  if (platformOfKey(installation))
    return options.create ? organizations.ofInstallation(installation) : installation;
  return organizations.require(input);
}
