import { z } from 'zod';
import type { ConsoleSignInConfig, OidcProviderConfig } from '../../config.ts';
import { type ChatPlatform, workspaceKey } from '../../knowledge/workspaces/platform-ids.ts';

/** Who an identity provider vouches for, in the terms Earshot's people directory uses. */
export interface ProviderIdentity {
  platform: ChatPlatform;
  /** The installations (Slack workspace or Grid org, Teams tenant) the person signed in through. */
  installations: string[];
  /** The platform's id of the person: Slack user id, Entra object id. */
  userId: string;
  /** Null unless the provider says the address is verified. */
  email: string | null;
}

export type OidcProviderId = 'slack' | 'entra';

export interface OidcProvider extends OidcProviderConfig {
  id: OidcProviderId;
  /** As the sign-in button names it. */
  label: string;
  scope: string;
  /** The identity in verified ID token claims; null when the claims lack what Earshot matches on. */
  identityOf(claims: Record<string, unknown>): ProviderIdentity | null;
}

const verifiedEmail = (claims: { email?: string | undefined; email_verified?: boolean | undefined }) =>
  claims.email && claims.email_verified === true ? claims.email.toLowerCase() : null;

const slackClaims = z.object({
  'https://slack.com/user_id': z.string().min(1),
  'https://slack.com/team_id': z.string().min(1),
  'https://slack.com/enterprise_id': z.string().min(1).optional(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
});

/** Sign in with Slack: the user and team ids are Slack's own claims. */
function slackIdentity(claims: Record<string, unknown>): ProviderIdentity | null {
  const parsed = slackClaims.safeParse(claims);
  if (!parsed.success) return null;
  const enterprise = parsed.data['https://slack.com/enterprise_id'];
  return {
    platform: 'slack',
    installations: [
      workspaceKey('slack', parsed.data['https://slack.com/team_id']),
      ...(enterprise ? [workspaceKey('slack', enterprise)] : []),
    ],
    userId: parsed.data['https://slack.com/user_id'],
    email: verifiedEmail(parsed.data),
  };
}

const entraClaims = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  /** Entra's optional claim: the email's domain is verified by the tenant. */
  xms_edov: z.union([z.boolean(), z.literal('1'), z.literal('true')]).optional(),
});

/** Microsoft Entra ID: the object id and tenant id are what Teams knows the person by. */
function entraIdentity(claims: Record<string, unknown>): ProviderIdentity | null {
  const parsed = entraClaims.safeParse(claims);
  if (!parsed.success) return null;
  const { email, xms_edov } = parsed.data;
  const verified = parsed.data.email_verified === true || (xms_edov !== undefined && xms_edov !== false);
  return {
    platform: 'teams',
    installations: [workspaceKey('teams', parsed.data.tid.toLowerCase())],
    userId: parsed.data.oid.toLowerCase(),
    email: email && verified ? email.toLowerCase() : null,
  };
}

/** The providers configured, in the order their buttons show; none when nothing is configured. */
export function oidcProviders(config: ConsoleSignInConfig): OidcProvider[] {
  return [
    ...(config.slack
      ? [
          {
            ...config.slack,
            id: 'slack' as const,
            label: 'Slack',
            scope: 'openid email profile',
            identityOf: slackIdentity,
          },
        ]
      : []),
    ...(config.entra
      ? [
          {
            ...config.entra,
            id: 'entra' as const,
            label: 'Microsoft',
            scope: 'openid email profile',
            identityOf: entraIdentity,
          },
        ]
      : []),
  ];
}
