import { InvalidSlackSecretError } from '../../channels/slack/secrets';
import { http1, startTestStack, useLocalStack } from '../support/local-stack';

describe('the local stack without Slack tokens', () => {
  // Jest gives each test file its own copy of process.env, so nothing needs restoring.
  beforeAll(() => {
    delete process.env.SLACK_BOT_TOKEN;
    delete process.env.SLACK_SIGNING_SECRET;
  });
  const fixture = useLocalStack();

  it('runs without the Slack channel and says in one line how to turn it on', async () => {
    expect(fixture.stack.slack).toEqual({
      enabled: false,
      summary: expect.stringMatching(/SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/),
    });
    const response = await http1(fixture.stack, 'POST', '/slack/events', '{}');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ error: fixture.stack.slack.summary });
  });
});

describe('the local stack with Slack tokens it cannot use', () => {
  it('refuses to start, naming the token that is wrong but not its value, and leaves nothing running', async () => {
    process.env.SLACK_BOT_TOKEN = 'xapp-an-app-token';
    process.env.SLACK_SIGNING_SECRET = 'secret';
    const started = startTestStack();
    await expect(started).rejects.toBeInstanceOf(InvalidSlackSecretError);
    await expect(started).rejects.toThrow(/botToken: must be the bot token/);
    await expect(started).rejects.not.toThrow(/xapp-an-app-token/);
    delete process.env.SLACK_BOT_TOKEN;
    // The port and everything else were released: the same stack starts again.
    const stack = await startTestStack();
    await stack.close();
  });
});
