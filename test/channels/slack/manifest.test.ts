import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../../local/slack';

interface Manifest {
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(
  readFileSync(path.join(__dirname, '../../../channels/slack/manifest.yaml'), 'utf8'),
) as Manifest;

describe('the Slack app manifest', () => {
  it('subscribes to what the channel answers: mentions, DMs and thread replies', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups']),
    );
  });

  it('grants the scopes the worker calls need, and no others', () => {
    // chat.postMessage/update/postEphemeral, reactions.add/remove, conversations.replies in each kind of
    // conversation, and the mention and DM events themselves.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'chat:write',
        'groups:history',
        'im:history',
        'reactions:write',
      ].sort(),
    );
  });

  it('sends events and button clicks to the one ingress path', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
  });
});
