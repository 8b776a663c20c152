/** The console's API over HTTP on the local stack: a turn with its inspector data, and clear errors. */
import { useLocalStack } from '../../support/local-stack';

const fixture = useLocalStack();

async function turn(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${fixture.stack.endpoint}/console/api/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const base = { sessionId: 'console-api-1', localeId: 'en_US', channel: 'web', alias: 'public' };

describe('the console API', () => {
  it('serves the page and its script at / on the stack port', async () => {
    const page = await fetch(`${fixture.stack.endpoint}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/console/app.js');
    const script = await fetch(`${fixture.stack.endpoint}/console/app.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(1000);
  });

  it('answers a turn with the reply, the interpretations and the turn log entry', async () => {
    const { status, json } = await turn({ ...base, text: 'where is my order' });
    expect(status).toBe(200);
    expect(json.sessionState).toMatchObject({
      intent: { name: 'CheckOrderStatus' },
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
    });
    expect((json.interpretations as unknown[]).length).toBeGreaterThan(1);
    expect(json.trace).toMatchObject({ sessionId: base.sessionId, intent: 'CheckOrderStatus' });
    const [call] = json.hookCalls as {
      source: string;
      event: { inputTranscript: string };
      response: unknown;
    }[];
    expect(call).toMatchObject({ source: 'DialogCodeHook', event: { inputTranscript: 'where is my order' } });
    expect(call?.response).toMatchObject({ sessionState: { dialogAction: { type: expect.any(String) } } });
    expect(json.answer).toBeNull();
  });

  it('says what the model used and how long it took, for a model answer', async () => {
    const { json } = await turn({
      ...base,
      sessionId: 'console-api-8',
      text: 'how long does a refund take?',
    });
    expect(json.answer).toMatchObject({
      source: 'model',
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
      modelLatencyMs: expect.any(Number),
    });
  });

  it('explains which articles matched a knowledge answer, and keeps staff articles from the public', async () => {
    const { json } = await turn({ ...base, sessionId: 'console-api-2', text: 'do you price match?' });
    expect(json.answer).toMatchObject({ source: 'curated' });
    expect(json.retrieval).toMatchObject({ curated: { docId: 'price-match' } });
    const staffQuestion = {
      ...base,
      sessionId: 'console-api-3',
      text: 'who approves a refund over 500 dollars?',
    };
    const publicly = await turn(staffQuestion);
    const ids =
      (publicly.json.retrieval as { passages: { id: string }[] } | null)?.passages.map((p) => p.id) ?? [];
    expect(ids.some((id) => id.startsWith('refund-approval'))).toBe(false);
    const onSlack = await turn({
      ...staffQuestion,
      sessionId: 'console-api-4',
      channel: 'slack',
      alias: 'staff',
    });
    expect(JSON.stringify(onSlack.json.answer)).toContain('refund-approval-thresholds');
  });

  it('takes a phone turn as Connect sends it: keys as DTMF, the reply spoken as audio', async () => {
    const phone = { ...base, sessionId: 'console-api-7', channel: 'phone' };
    await turn({ ...phone, text: 'where is my order' });
    const { status, json } = await turn({ ...phone, dtmf: '10001#' });
    expect(status).toBe(200);
    expect(json.heard).toBe('10001');
    expect(json.sessionState).toMatchObject({ intent: { name: 'CheckOrderStatus', state: 'Fulfilled' } });
    expect((json.messages as { contentType: string }[])[0]?.contentType).toBe('SSML');
    // MPEG audio frames start with a sync word (0xFFE) or an ID3 tag.
    const audio = Buffer.from(json.audio as string, 'base64');
    expect(audio.length).toBeGreaterThan(1000);
    expect(audio[0] === 0xff || audio.subarray(0, 3).toString() === 'ID3').toBe(true);
  });

  it('says what is wrong with a request, and keeps serving', async () => {
    expect(await turn('not json')).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/JSON/) },
    });
    const wrong = await turn({ ...base, channel: 'fax', text: '' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatch(/channel/);
    expect(wrong.json.error).toMatch(/text/);
    const keysOnWeb = await turn({ ...base, dtmf: '123#' });
    expect(keysOnWeb.json.error).toMatch(/phone channel/);
    const speechOnWeb = await turn({ ...base, audio: 'AAAA' });
    expect(speechOnWeb.json.error).toMatch(/phone channel/);
    const twoThings = await turn({ ...base, channel: 'phone', text: 'hi', dtmf: '1' });
    expect(twoThings.json.error).toMatch(/one of text, dtmf or audio/);
    const notBase64 = await turn({ ...base, channel: 'phone', audio: 'not base64!' });
    expect(notBase64.json.error).toMatch(/audio/);
    expect((await turn({ ...base, sessionId: 'console-api-5', text: 'hi' })).status).toBe(200);
  });

  it('lists the questions the bot could not answer, grouped, for FAQ owners', async () => {
    await turn({ ...base, sessionId: 'console-api-6', text: 'do you sell tickets to the moon?' });
    const gaps = (await (await fetch(`${fixture.stack.endpoint}/console/api/gaps`)).json()) as {
      total: number;
      groups: { representative: string; kinds: Record<string, number> }[];
    };
    expect(gaps.total).toBeGreaterThanOrEqual(1);
    expect(gaps.groups.map((group) => group.representative)).toContain('do you sell tickets to the moon?');
  });

  it('explains which article answers a question an FAQ owner tries, and refuses a malformed one', async () => {
    const query = new URLSearchParams({
      q: 'can I get a refund without a receipt',
      locale: 'en_US',
      audience: 'public',
    });
    const response = await fetch(`${fixture.stack.endpoint}/console/api/explain?${query}`);
    const body = (await response.json()) as { passages: { id: string }[]; closestPhrasings: unknown[] };
    expect(body.passages[0]?.id).toMatch(/^return-policy/);
    expect(body.closestPhrasings.length).toBeGreaterThan(0);
    const bad = await fetch(
      `${fixture.stack.endpoint}/console/api/explain?q=&locale=english&audience=everyone`,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/locale/);
  });
});
