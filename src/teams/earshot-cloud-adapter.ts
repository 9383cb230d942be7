import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from './authenticate-teams-request.ts';

/**
 * CloudAdapter that runs a turn for a request Earshot has already authenticated, so a bad token is
 * answered by Earshot (401) rather than by `process()`, which turns most token errors into 500.
 */
export class EarshotCloudAdapter extends CloudAdapter {
  runAuthenticated(
    authentication: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}
