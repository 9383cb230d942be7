import { randomBytes } from 'node:crypto';
import type {
  BlockAction,
  ButtonAction,
  MessageShortcut,
  SlashCommand,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';
import { nextSlackTs, SLACK_IDS, userHandle } from './slack-ids.ts';

type StateValues = ViewOutput['state']['values'];

/** A slash command as Slack's form fields; Socket Mode sends the same object as its payload. */
export function slashCommand(overrides: Partial<SlashCommand> = {}): SlashCommand {
  const user = overrides.user_id ?? SLACK_IDS.userId;
  return {
    token: SLACK_IDS.verificationToken,
    team_id: SLACK_IDS.teamId,
    team_domain: SLACK_IDS.teamDomain,
    channel_id: SLACK_IDS.channelId,
    channel_name: SLACK_IDS.channelName,
    user_id: user,
    user_name: userHandle(user),
    command: '/earshot',
    text: '',
    api_app_id: SLACK_IDS.appId,
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/${SLACK_IDS.teamId}/1/${randomToken()}`,
    trigger_id: triggerId(),
    ...overrides,
  };
}

/** The form-encoded body Slack POSTs for a slash command. */
export function slashCommandBody(overrides?: Partial<SlashCommand>): string {
  return new URLSearchParams(slashCommand(overrides) as Record<string, string>).toString();
}

/** How Slack POSTs every interaction: a form with one `payload` field holding the JSON. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface BlockActionOptions {
  action_id?: string;
  block_id?: string;
  value?: string;
  /** The button's label. */
  text?: string;
  user?: string;
  team?: string;
  channel?: string;
  /** Fields of the message holding the button. */
  message?: Partial<NonNullable<BlockAction['message']>>;
  container?: Record<string, unknown>;
  /** For a button in a modal or App Home: the view it sits in (then there is no channel, message or response_url). */
  view?: Partial<ViewOutput>;
  response_url?: string;
  trigger_id?: string;
}

/** A `block_actions` interaction for a button click. */
export function blockAction(options: BlockActionOptions = {}): BlockAction<ButtonAction> {
  const {
    action_id = 'earshot_action',
    block_id = 'earshot_actions',
    value = 'value',
    text = 'Click',
  } = options;
  const action: ButtonAction = {
    type: 'button',
    action_id,
    block_id,
    text: { type: 'plain_text', text, emoji: true },
    value,
    action_ts: nextSlackTs(),
  };
  const common = {
    type: 'block_actions' as const,
    user: slackUser(options.user),
    api_app_id: SLACK_IDS.appId,
    token: SLACK_IDS.verificationToken,
    trigger_id: options.trigger_id ?? triggerId(),
    team: slackTeam(options.team),
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  if (options.view) {
    const view = viewOutput(options.view);
    const container = { type: 'view', view_id: view.id, ...options.container };
    // Slack sends no response_url for clicks inside views, though Bolt's type requires one.
    const clicked: Omit<BlockAction<ButtonAction>, 'response_url'> = { ...common, container, view };
    return withNullEnterprise(clicked as BlockAction<ButtonAction>);
  }
  const channel = options.channel ?? SLACK_IDS.channelId;
  const message = {
    type: 'message' as const,
    user: SLACK_IDS.botUserId,
    bot_id: SLACK_IDS.botId,
    app_id: SLACK_IDS.appId,
    text: 'Here is what I am hearing.',
    ts: nextSlackTs(),
    team: SLACK_IDS.teamId,
    blocks: [
      { type: 'actions', block_id, elements: [{ type: 'button', action_id, text: action.text, value }] },
    ],
    ...options.message,
  };
  const container = { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false };
  return withNullEnterprise<BlockAction<ButtonAction>>({
    ...common,
    container: { ...container, ...options.container },
    channel: { id: channel, name: channelName(channel) },
    message,
    response_url:
      options.response_url ?? `https://hooks.slack.com/actions/${SLACK_IDS.teamId}/1/${randomToken()}`,
  });
}

export function blockActionBody(options?: BlockActionOptions): string {
  return interactionBody(blockAction(options));
}

export interface MessageShortcutOptions {
  callback_id?: string;
  /** Fields of the message the shortcut was used on. */
  message?: Partial<MessageShortcut['message']>;
  channel?: string;
  user?: string;
  team?: string;
  trigger_id?: string;
  response_url?: string;
}

/** A message shortcut (`message_action`), as when someone picks "Save to Earshot" on a message. */
export function messageShortcut(options: MessageShortcutOptions = {}): MessageShortcut {
  const channel = options.channel ?? SLACK_IDS.channelId;
  const message = {
    type: 'message' as const,
    user: SLACK_IDS.otherUserId,
    text: 'Tip: lead with the ROI calculator when finance joins the call.',
    ts: nextSlackTs(),
    team: SLACK_IDS.teamId,
    ...options.message,
  };
  return withNullEnterprise<MessageShortcut>({
    type: 'message_action',
    token: SLACK_IDS.verificationToken,
    action_ts: nextSlackTs(),
    team: slackTeam(options.team),
    user: slackUser(options.user),
    channel: { id: channel, name: channelName(channel) },
    is_enterprise_install: false,
    callback_id: options.callback_id ?? 'earshot_shortcut',
    trigger_id: options.trigger_id ?? triggerId(),
    response_url:
      options.response_url ?? `https://hooks.slack.com/app/${SLACK_IDS.teamId}/1/${randomToken()}`,
    message_ts: message.ts,
    message,
  });
}

export function messageShortcutBody(options?: MessageShortcutOptions): string {
  return interactionBody(messageShortcut(options));
}

export interface ViewSubmissionOptions {
  callback_id?: string;
  private_metadata?: string;
  /** `view.state.values`; `plainTextValues()` builds the common case. */
  values?: StateValues;
  user?: string;
  team?: string;
  /** Any other fields of the submitted view. */
  view?: Partial<ViewOutput>;
  response_urls?: ViewSubmitAction['response_urls'];
}

/** A modal's `view_submission`. */
export function viewSubmission(options: ViewSubmissionOptions = {}): ViewSubmitAction {
  const view = viewOutput({
    callback_id: options.callback_id ?? 'earshot_modal',
    private_metadata: options.private_metadata ?? '',
    state: { values: options.values ?? {} },
    ...options.view,
  });
  return withNullEnterprise<ViewSubmitAction>({
    type: 'view_submission',
    team: slackTeam(options.team),
    user: slackUser(options.user),
    api_app_id: SLACK_IDS.appId,
    token: SLACK_IDS.verificationToken,
    trigger_id: triggerId(),
    view,
    response_urls: options.response_urls ?? [],
    is_enterprise_install: false,
  });
}

export function viewSubmissionBody(options?: ViewSubmissionOptions): string {
  return interactionBody(viewSubmission(options));
}

/** State values for plain text inputs: `{ block_id: { action_id: 'typed text' } }`. */
export function plainTextValues(values: Record<string, Record<string, string>>): StateValues {
  return Object.fromEntries(
    Object.entries(values).map(([blockId, inputs]) => [
      blockId,
      Object.fromEntries(
        Object.entries(inputs).map(([actionId, value]): [string, ViewStateValue] => [
          actionId,
          { type: 'plain_text_input', value },
        ]),
      ),
    ]),
  );
}

function viewOutput(fields: Partial<ViewOutput>): ViewOutput {
  const id = fields.id ?? `V${randomToken().slice(0, 10).toUpperCase()}`;
  return {
    id,
    team_id: SLACK_IDS.teamId,
    type: 'modal',
    blocks: [],
    private_metadata: '',
    callback_id: '',
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${randomToken().slice(0, 8)}`,
    title: { type: 'plain_text', text: 'Earshot', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: { type: 'plain_text', text: 'Cancel', emoji: true },
    submit: { type: 'plain_text', text: 'Save', emoji: true },
    previous_view_id: null,
    root_view_id: id,
    app_id: SLACK_IDS.appId,
    external_id: '',
    app_installed_team_id: SLACK_IDS.teamId,
    bot_id: SLACK_IDS.botId,
    ...fields,
  };
}

// Outside Enterprise Grid Slack sends `enterprise: null`, where Bolt's types only allow the field to be absent.
function withNullEnterprise<T>(payload: T): T {
  return { ...payload, enterprise: null };
}

function slackUser(id: string = SLACK_IDS.userId) {
  return { id, username: userHandle(id), name: userHandle(id), team_id: SLACK_IDS.teamId };
}

function slackTeam(id: string = SLACK_IDS.teamId) {
  return { id, domain: id === SLACK_IDS.teamId ? SLACK_IDS.teamDomain : id.toLowerCase() };
}

function channelName(id: string): string {
  if (id === SLACK_IDS.channelId) return SLACK_IDS.channelName;
  return id.startsWith('D') ? 'directmessage' : id.replace(/^[CG]_?/, '').toLowerCase();
}

function triggerId(): string {
  return `${Date.now()}.${SLACK_IDS.teamId}.${randomToken()}`;
}

function randomToken(): string {
  return randomBytes(12).toString('hex');
}
