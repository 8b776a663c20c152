import { http1, useLocalStack } from '../support/local-stack';

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
