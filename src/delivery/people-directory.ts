import type { StoredConversation } from './conversation-refs.ts';

export type ChatPlatform = StoredConversation['platform'];

/** A person as a chat platform knows them. */
export interface ChatPerson {
  platform: ChatPlatform;
  workspaceId: string;
  userId: string;
  email: string | null;
  /** IANA zone from the chat profile; null when the platform did not say. */
  timeZone: string | null;
  /** Slack: the installation (`slack:T…`, `slack:E…` org-wide) they were found through, whose token reaches them. */
  installationId?: string | null;
}

/** Finds people on one platform and the conversation where a DM to them goes. */
export interface PeopleDirectory {
  readonly platform: ChatPlatform;
  /** Looks a person up by email in the workspace; null when the platform has no such member. */
  findByEmail(workspaceId: string, email: string): Promise<ChatPerson | null>;
  /** Looks a person up by their chat id; null when unknown. */
  findById(workspaceId: string, userId: string): Promise<ChatPerson | null>;
  /** The 1:1 conversation with the person; null when Earshot cannot start one (Teams: the app is not installed for them). */
  directConversation(person: ChatPerson): Promise<StoredConversation | null>;
  /** The user ids in one of the platform's user groups (Slack `S…`); absent where the platform has none. */
  groupMembers?(workspaceId: string, groupId: string): Promise<ReadonlySet<string>>;
  /** The user ids in one of the platform's conversations; absent where the platform cannot list them. */
  conversationMembers?(workspaceId: string, conversationId: string): Promise<ReadonlySet<string>>;
}
