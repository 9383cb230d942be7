import { type Clock, systemClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { CONSOLE_PATH } from './console/console-env.ts';
import { type Database, type OpenOptions, openDatabase } from './db/database.ts';
import { databaseReadiness } from './db/database-readiness.ts';
import { migrate } from './db/migrate.ts';
import { refreshStatisticsAfterWrite } from './db/planner-statistics.ts';
import { ChatPeople } from './delivery/chat-people.ts';
import { ConversationRefs } from './delivery/conversation-refs.ts';
import { Messengers } from './delivery/messengers.ts';
import type { ProactiveSender } from './delivery/proactive-sender.ts';
import { Digests } from './digest/digests.ts';
import { EarshotError } from './errors.ts';
import { EventClaims } from './events/event-claims.ts';
import { EventRunner } from './events/event-runner.ts';
import { analyzeJob } from './jobs/analyze-job.ts';
import { CronJobs } from './jobs/cron-jobs.ts';
import { forgetThreadsJob } from './jobs/forget-threads-job.ts';
import {
  type AskRequest,
  answerQuestion,
  composeAnswer,
  type UnloggedAnswer,
} from './knowledge/answer/answer-question.ts';
import type { Answer } from './knowledge/answer/answer-types.ts';
import { compileQuestionPatterns } from './knowledge/answer/question-subject.ts';
import {
  type CaptureRequest,
  type CaptureResult,
  captureMessage,
  removeCapturedMessage,
  updateCapturedMessage,
} from './knowledge/capture/capture-message.ts';
import {
  type MessageClassifier,
  modelClassifier,
  ruleClassifier,
} from './knowledge/capture/message-classifier.ts';
import { WatchedChannels } from './knowledge/capture/watched-channels.ts';
import { OrganizationCurators } from './knowledge/curation/organization-curators.ts';
import { EntryStore } from './knowledge/entries/entry-store.ts';
import type { Entry, EntryInput } from './knowledge/entry.ts';
import { type ImportProgress, type ImportResult, importEntries } from './knowledge/import/import-entries.ts';
import { Organizations } from './knowledge/organizations/organizations.ts';
import { QuestionLog } from './knowledge/questions/question-log.ts';
import { embedEntries, prepareVectorStore } from './knowledge/search/embed-entries.ts';
import { indexPersistence } from './knowledge/search/index-store-for.ts';
import { KnowledgeSearch } from './knowledge/search/knowledge-search.ts';
import { loadLanguageDetector } from './knowledge/search/language.ts';
import { searchIndexReadiness } from './knowledge/search/search-index-readiness.ts';
import { SearchIndexWarmup } from './knowledge/search/search-index-warmup.ts';
import { PgVectorRanker } from './knowledge/search/vector-ranker.ts';
import { WorkspaceIndexCache } from './knowledge/search/workspace-index-cache.ts';
import { askInThread, liveThread, type ThreadAskRequest } from './knowledge/threads/ask-in-thread.ts';
import { ConversationThreads } from './knowledge/threads/conversation-threads.ts';
import { createLogger, type Logger } from './logger.ts';
import { NudgeActions } from './nudges/nudge-actions.ts';
import { NudgeDispatcher } from './nudges/nudge-dispatcher.ts';
import { answerReferenceFinder } from './nudges/references/answer-reference-finder.ts';
import { ReferenceDesk } from './nudges/references/reference-desk.ts';
import { type IngestResult, ingestTriggers } from './nudges/triggers/ingest-triggers.ts';
import type { TriggerEventInput } from './nudges/triggers/trigger-event.ts';
import { secretValues } from './secret-values.ts';
import { type Route, startHttpServer } from './server/http-server.ts';
import { PlatformSupervisor } from './server/platform-supervisor.ts';
import { Readiness } from './server/readiness.ts';
import { TRIGGERS_WEBHOOK_PATH, triggersWebhook } from './server/triggers-webhook.ts';
import type { SlackAdapter } from './slack/create-slack-app.ts';

/** Earshot's services, built once from the configuration and handed to every adapter. */
export interface Earshot {
  config: Config;
  logger: Logger;
  db: Database;
  clock: Clock;
  entries: EntryStore;
  search: KnowledgeSearch;
  /** Builds every workspace's search index in the background; the server starts it. */
  searchWarmup: SearchIndexWarmup;
  questions: QuestionLog;
  watched: WatchedChannels;
  /** Where proactive messages (alerts, digests) can reach people and channels. */
  conversations: ConversationRefs;
  /** People matched to chat users by email, with their time zones. */
  people: ChatPeople;
  /** Reaches people by email or chat id on whichever platform the server runs; empty in one-shot commands. */
  messengers: Messengers;
  references: ReferenceDesk;
  nudgeActions: NudgeActions;
  /** Sends due buying-trigger alerts; started by the server. */
  nudges: NudgeDispatcher;
  /** Weekly digests: subscriptions, previews and the scheduler the server starts. */
  digests: Digests;
  /** Inbound chat events: claimed once, retried while the database is down, taken over after a crash. */
  events: { claims: EventClaims; runner: EventRunner };
  /** Organizations and the Slack workspaces and Teams tenants linked to them: whose knowledge a request uses. */
  organizations: Organizations;
  /** Each organization's curators and curators' channels (EARSHOT_CURATORS / EARSHOT_CURATOR_CHANNEL by default). */
  curators: OrganizationCurators;
  /** What `GET /readyz` checks; the database is registered here, the platforms by the server. */
  readiness: Readiness;
  /** Stores trigger events, matches them to accounts and queues alerts to the owners. */
  ingestTriggers(request: {
    workspaceId: string;
    events: TriggerEventInput[];
    source: 'webhook' | 'import';
  }): Promise<IngestResult>;
  /** Sorts watched-channel messages: by the chat model when configured, by plain rules otherwise. */
  classifier: MessageClassifier;
  /** What Earshot remembers of the threads it answered in, for follow-ups there. */
  threads: ConversationThreads;
  ask(request: AskRequest): Promise<Answer>;
  /**
   * Asks in a thread (Slack) or reply chain (Teams): a follow-up of a live thread carries its subject and
   * filters over, anything else starts it afresh. Null when the reply asks nothing ("thanks!").
   */
  askInThread(request: ThreadAskRequest): Promise<Answer | null>;
  /** Whether Earshot holds a live conversation in this thread: a reply there is answered without a mention. */
  isLiveThread(request: ThreadAskRequest): Promise<boolean>;
  /** Answers like `ask` without logging the question: for evaluation runs (`ask --questions`, `eval`). */
  askWithoutLogging(request: AskRequest): Promise<UnloggedAnswer>;
  capture(request: CaptureRequest): Promise<CaptureResult>;
  updateCaptured(message: Parameters<typeof updateCapturedMessage>[1]): Promise<Entry | null>;
  removeCaptured(message: Parameters<typeof removeCapturedMessage>[1]): Promise<boolean>;
  importFiles(options: {
    workspaceId: string;
    files: string[];
    onProgress?: (progress: ImportProgress) => void;
    transform?: (entry: EntryInput) => EntryInput;
  }): Promise<ImportResult>;
  close(): Promise<void>;
}

/** The composition root: the only place that opens the database and builds clients. */
export async function createEarshot(
  options: {
    config?: Config;
    logger?: Logger;
    db?: Database;
    clock?: Clock;
    /** How this process opens the embedded database: `serve` shares it with the other processes. */
    database?: OpenOptions;
  } = {},
): Promise<Earshot> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config.logLevel ?? 'info', secretValues(config));
  const db = options.db ?? (await openDatabase(config.database, options.database));
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const openai = config.openai
    ? (await import('./openai/openai-services.ts')).createOpenAIServices(config.openai, logger)
    : null;
  const writer = openai?.writer;
  const embedder = openai?.embedder;
  const vectorStore = embedder ? await prepareVectorStore(db, logger) : null;
  const vectorEmbedder = vectorStore ? embedder : undefined;

  // Entries are embedded when the index first sees them published, whichever process changed them.
  const embedChanged = async (workspaceId: string, ids: number[]) => {
    if (!vectorEmbedder) return;
    try {
      await embedEntries({ db, embedder: vectorEmbedder, workspaceId, ids });
    } catch (error) {
      logger.warn(
        { err: error, workspaceId, entries: ids.length },
        'embedding failed; those entries are found by words only',
      );
    }
  };
  const entries = new EntryStore(db);
  const indexes = new WorkspaceIndexCache(db, embedChanged, undefined, indexPersistence(db, logger));
  const search = new KnowledgeSearch({
    indexes,
    store: entries,
    vector: vectorEmbedder ? new PgVectorRanker({ db, embedder: vectorEmbedder, logger }) : undefined,
  });
  const searchWarmup = new SearchIndexWarmup({ db, indexes, logger });
  const questions = new QuestionLog(db);
  const clock = options.clock ?? systemClock;
  const people = new ChatPeople(db);
  const messengers = new Messengers(people);
  const references = new ReferenceDesk({ db, clock, messengers, logger });
  const nudges = new NudgeDispatcher({
    db,
    clock,
    messengers,
    search,
    references,
    logger,
    quietHours: config.nudges.quietHours,
    defaultTimeZone: config.nudges.defaultTimeZone,
  });
  const conversations = new ConversationRefs(db);
  const claims = new EventClaims(db, config.events.leaseMs);
  const runner = new EventRunner({ claims, logger, retryWindowMs: config.events.retryWindowMs });
  const organizations = new Organizations(db);
  const curators = new OrganizationCurators(db, {
    curators: config.curators,
    channel: config.curatorChannel,
  });
  const answerDeps = {
    search,
    writer,
    logger,
    now: () => clock.now(),
    references: answerReferenceFinder(references),
    staleEntries: config.staleEntries,
  };
  const ask = (request: AskRequest) => answerQuestion({ ...answerDeps, questions }, request);
  const threads = new ConversationThreads(db);
  const threadDeps = { threads, ask, now: () => clock.now() };
  const readiness = new Readiness();
  readiness.register('database', () => databaseReadiness(db));
  const digests = new Digests({
    db,
    clock,
    messengers,
    conversations,
    logger,
    curators,
  });
  return {
    config,
    logger,
    db,
    clock,
    entries,
    search,
    searchWarmup,
    questions,
    watched: new WatchedChannels(db),
    conversations,
    people,
    messengers,
    references,
    nudgeActions: new NudgeActions({ db, clock }),
    nudges,
    digests,
    events: { claims, runner },
    organizations,
    curators,
    readiness,
    ingestTriggers: async (request) => {
      // The webhook names a Slack team or Teams tenant as its sender knows it: triggers go to its organization.
      const workspaceId = await organizations.forCommand(request.workspaceId);
      const result = await ingestTriggers({ db, clock, ...request, workspaceId });
      if (result.alertsQueued > 0) nudges.kick();
      return result;
    },
    classifier: openai?.classifier ? modelClassifier(openai.classifier, logger) : ruleClassifier,
    threads,
    ask,
    askInThread: (request) => askInThread(threadDeps, request),
    isLiveThread: async (request) => (await liveThread(threadDeps, request)) !== null,
    askWithoutLogging: (request) => composeAnswer(answerDeps, request),
    capture: (request) => captureMessage(db, request),
    updateCaptured: (message) => updateCapturedMessage(db, message),
    removeCaptured: (message) => removeCapturedMessage(db, message),
    importFiles: async (request) => {
      const result = await importEntries({ db, ...request });
      // Without fresh statistics the planner misjudges every query on the grown table (PGlite never
      // gathers them itself; the server's autovacuum may be off or late).
      await refreshStatisticsAfterWrite(db, result.inserted + result.updated, ['entries']);
      await embedChanged(request.workspaceId, result.entryIds);
      return result;
    },
    close: async () => {
      runner.stop();
      searchWarmup.stop();
      digests.scheduler.stop();
      await nudges.stop();
      await indexes.flush();
      await db.close();
    },
  };
}

export interface EarshotServer {
  port: number;
  slack: SlackAdapter | null;
  /** The one way out for alerts and digests, per platform. */
  proactive: { teams: ProactiveSender | undefined; slack: ProactiveSender | undefined };
  close(): Promise<void>;
}

/** Builds the Slack adapter (null when Slack is not configured), not yet listening, and registers its way out. */
async function connectSlack(earshot: Earshot) {
  const { config, logger } = earshot;
  // Loaded only here, so one-shot commands such as `earshot ask` don't pay for Bolt at start-up.
  const slackModule = config.slack ? await import('./slack/create-slack-app.ts') : null;
  const slack =
    config.slack && slackModule
      ? await slackModule.createSlackAdapter(config.slack, { earshot, config, logger })
      : null;
  if (slack) earshot.messengers.register({ sender: slack.proactive, directory: slack.people });
  return { slack, slackModule };
}

/** Builds the Teams adapter (null when Teams is not configured: closed by default) and registers its way out. */
async function connectTeams(earshot: Earshot) {
  const { config, logger } = earshot;
  if (!config.teams) return { teams: null, teamsModule: null };
  const teamsModule = await import('./teams/create-teams-adapter.ts');
  const teams = teamsModule.createTeamsAdapter(config.teams, { earshot, config, logger });
  earshot.messengers.register({ sender: teams.proactive, directory: teams.people });
  return { teams, teamsModule };
}

const SLACK_FIRST_TRY_MS = 5_000;

const TEAMS_OFF =
  'Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (from the Azure Bot registration) to enable it, ' +
  'or EARSHOT_TEAMS_DEV_NO_AUTH=true to try it locally without authentication';

/** Lets a one-shot command (`earshot digest run`) post to a platform without serving anything. */
export async function connectMessenger(earshot: Earshot, platform: 'slack' | 'teams'): Promise<void> {
  if (platform === 'teams') {
    const { teams } = await connectTeams(earshot);
    if (!teams) throw new EarshotError({ code: 'config_invalid', message: TEAMS_OFF });
    return;
  }
  const { slack } = await connectSlack(earshot);
  if (!slack) {
    throw new EarshotError({
      code: 'config_invalid',
      message: 'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)',
    });
  }
}

/**
 * Serves Earshot over HTTP (health and readiness, Slack events, Teams messages, the trigger webhook,
 * the curator web console under /console) and Slack's Socket Mode when configured. A chat platform that cannot start is retried in the
 * background (see `PlatformSupervisor`) while the rest serves.
 */
export async function startServer(earshot: Earshot, options: { port?: number } = {}): Promise<EarshotServer> {
  const { config, logger } = earshot;
  const slackModule = config.slack ? await import('./slack/create-slack-app.ts') : null;
  const slack =
    config.slack && slackModule
      ? new PlatformSupervisor<SlackAdapter>({
          name: 'Slack',
          logger,
          connect: () =>
            slackModule.connectSlackAdapter(config.slack as NonNullable<Config['slack']>, earshot),
          explain: (error) => slackModule.explainSlackStartFailure(error, config.slack?.apiUrl),
          onReady: (adapter) =>
            earshot.messengers.register({ sender: adapter.proactive, directory: adapter.people }),
        })
      : null;
  const { teams, teamsModule } = await connectTeams(earshot);
  if (!slack) {
    logger.info(
      'Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) to enable it, ' +
        'or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth installs',
    );
  }
  if (!teams) logger.info(TEAMS_OFF);
  const routes: Record<string, Route> = { [TRIGGERS_WEBHOOK_PATH]: triggersWebhook(earshot) };
  if (teams && teamsModule) {
    routes[teamsModule.TEAMS_MESSAGES_PATH] = {
      methods: ['POST'],
      maxBodyBytes: teamsModule.MAX_ACTIVITY_BYTES,
      handle: teams.requestListener,
    };
  }
  if (config.slack && slackModule)
    Object.assign(routes, slackModule.slackInstallRoutes(config.slack, earshot));
  if (slack && slackModule && !config.slack?.appToken) {
    // Until Slack is connected its events get 503, so Slack delivers them again later.
    routes[slackModule.SLACK_EVENTS_PATH] = {
      methods: ['POST'],
      maxBodyBytes: slackModule.MAX_SLACK_BODY_BYTES,
      handle: (req, res) => {
        const route = slack.current()?.route;
        if (route) return route.handle(req, res);
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"slack_not_ready"}');
      },
    };
  }
  if (slack) earshot.readiness.register('slack', () => slack.readiness());
  if (teams) earshot.readiness.register('teams', () => ({ ok: true, state: 'ready' }));
  earshot.readiness.register('search index', searchIndexReadiness(earshot.searchWarmup));
  earshot.events.runner.start();
  // Prisma compiles its query engine (WebAssembly) on the first query: done now, it doesn't hold up
  // the first requests after the server listens (~0.5 s on a busy machine).
  await earshot.db.prisma.workspace.findFirst({ select: { id: true } });
  // Likewise the language detector, which the index build would otherwise load mid-build, and the
  // patterns and validators every question compiles on first use.
  loadLanguageDetector();
  compileQuestionPatterns();
  slackModule?.compileSlackPayloadChecks();
  // node-cron builds its time-zone formatters when a job is scheduled (~40 ms under load).
  const maintenance = new CronJobs(logger);
  maintenance.set(analyzeJob({ db: earshot.db, logger }));
  maintenance.set(forgetThreadsJob({ threads: earshot.threads, clock: earshot.clock, logger }));
  // Requests are routed to their organization from memory, so acks never wait for the database.
  await earshot.organizations.warm();
  // Connected before listening when Slack answers promptly, so the first events are not refused with
  // 503 (Slack would redeliver them, but later); a slow or failing Slack is retried while serving.
  await slack?.start({ waitMs: SLACK_FIRST_TRY_MS });
  // The web console's routes and libraries load with the server, not with every command.
  const { consoleRoute } = await import('./console/console-route.ts');
  const http = await startHttpServer({
    port: options.port ?? config.port,
    routes,
    prefixes: { [CONSOLE_PATH]: consoleRoute(earshot) },
    logger,
    readiness: earshot.readiness,
  });
  // After listening, in the background: the build yields between slices, so requests are served meanwhile.
  void earshot.searchWarmup.start();
  teams?.start();
  earshot.nudges.start();
  await earshot.digests.scheduler.start().catch((error) => {
    logger.error({ err: error }, 'digest catch-up failed; the next sync (every minute) tries again');
  });
  logger.info(
    {
      port: http.port,
      slack: slack?.current()?.mode ?? (slack ? slack.readiness().state : 'off'),
      teams: teams?.mode ?? 'off',
    },
    'Earshot is listening',
  );
  return {
    port: http.port,
    slack: slack?.current() ?? null,
    proactive: { teams: teams?.proactive, slack: slack?.current()?.proactive },
    close: async () => {
      maintenance.stop();
      earshot.searchWarmup.stop();
      earshot.events.runner.stop();
      earshot.digests.scheduler.stop();
      await earshot.nudges.stop();
      await slack?.stop();
      teams?.stop();
      await http.close();
    },
  };
}
