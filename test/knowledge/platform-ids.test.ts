import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseCuratorIds } from '../../src/knowledge/curation/curator-ids.ts';
import {
  conversationKey,
  workspaceFromInput,
  workspaceKey,
} from '../../src/knowledge/workspaces/platform-ids.ts';

describe('platform-qualified ids', () => {
  it('reads a workspace as people type it, and never lets one platform name the other', () => {
    expect(workspaceFromInput('T0123ABC')).toBe('slack:T0123ABC');
    expect(workspaceFromInput(' slack:T0123ABC ')).toBe('slack:T0123ABC');
    expect(workspaceFromInput('6A1B2C3D-0000-4000-8000-000000000001')).toBe(
      'teams:6a1b2c3d-0000-4000-8000-000000000001',
    );
    expect(workspaceFromInput('teams:T0123ABC')).toBe('teams:T0123ABC');
    expect(workspaceFromInput('local')).toBe('local');
    expect(workspaceKey('teams', 'T0123ABC')).not.toBe(workspaceKey('slack', 'T0123ABC'));
    expect(conversationKey('teams', 'C0PRIVATE')).not.toBe(conversationKey('slack', 'C0PRIVATE'));
  });

  it('sorts curators by platform, so a Slack id is nobody in Teams and the reverse', () => {
    const curators = parseCuratorIds([
      'U0MAYA',
      'S0LEADS',
      '29:1abc',
      '00000000-0000-4000-8000-000000000101',
      'Dana@Example.com',
      'slack:W0GRID',
      'teams:29:2def',
    ]);
    expect([...curators.slackUsers]).toEqual(['U0MAYA', 'W0GRID']);
    expect([...curators.slackGroups]).toEqual(['S0LEADS']);
    expect([...curators.teamsUsers]).toEqual(['29:1abc', '00000000-0000-4000-8000-000000000101', '29:2def']);
    expect([...curators.emails]).toEqual(['dana@example.com']);
  });

  it('refuses a curator entry of no known form at start, saying which forms work', () => {
    expect(() => loadConfig({ EARSHOT_CURATORS: 'U0MAYA, maya' })).toThrow(
      /EARSHOT_CURATORS: must list Slack user ids \(U…\), Slack user group ids \(S…\), Teams user ids/,
    );
  });
});
