import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { ANSWER_TOOL_NAME, STRUCTURED_ANSWER_JSON_SCHEMA } from '../../../functions/generative/contract';
import {
  createEngineFromEnvironment,
  createOpenAiEngine,
  type ConverseEngine,
  type ParsedConverseRequest,
} from '../../../local/bedrock';
import { apiBaseOf } from '../../../local/bedrock/openai-engine';
import { contractRequest, FAQ } from './contract-requests';
import { sdkFailure, startBedrockEdge, waitFor } from './edge-fixture';

interface Exchange {
  method: string;
  url: string;
  authorization?: string;
  body: unknown;
}

/** A stand-in for Ollama's OpenAI endpoints: records each request and answers with the next scripted reply. */
class ChatServerDouble {
  readonly exchanges: Exchange[] = [];
  reply: { status: number; body: unknown } = { status: 200, body: {} };
  models: string[] = ['llama3.2'];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      this.exchanges.push({
        method: req.method ?? '',
        url: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: text ? JSON.parse(text) : undefined,
      });
      const answer =
        req.url === '/v1/models'
          ? { status: 200, body: { object: 'list', data: this.models.map((id) => ({ id })) } }
          : this.reply;
      res.writeHead(answer.status, { 'content-type': 'application/json', connection: 'close' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function completion(message: Record<string, unknown>, finishReason = 'stop', usage?: Record<string, number>) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    ...(usage ? { usage } : {}),
  };
}

const signal = new AbortController().signal;

describe('forwarding Converse to a local OpenAI-compatible LLM', () => {
  let double: ChatServerDouble;
  let baseUrl: string;
  let engine: ConverseEngine;

  beforeAll(async () => {
    double = new ChatServerDouble();
    baseUrl = await double.start();
    engine = createOpenAiEngine({ url: baseUrl, model: 'llama3.2', apiKey: 'sk-local' });
  });

  afterAll(() => double.close());

  beforeEach(() => {
    double.exchanges.length = 0;
  });

  it('translates the contract request, forced tool included, and the tool call back', async () => {
    double.reply = {
      status: 200,
      body: completion(
        {
          content: null,
          tool_calls: [
            {
              id: 'call:abc 1',
              type: 'function',
              function: {
                name: ANSWER_TOOL_NAME,
                arguments: '{"answer":"Yes.","citations":["faq-shipping-canada"],"outcome":"answer"}',
              },
            },
          ],
        },
        'tool_calls',
        { prompt_tokens: 412, completion_tokens: 21, total_tokens: 433 },
      ),
    };
    const request = contractRequest('Do you ship to Canada?', FAQ, { maxTokens: 300 });
    const output = await engine.converse(request, signal);
    expect(output).toEqual({
      content: [
        {
          toolUse: {
            toolUseId: 'call_abc_1',
            name: ANSWER_TOOL_NAME,
            input: { answer: 'Yes.', citations: ['faq-shipping-canada'], outcome: 'answer' },
          },
        },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 412, outputTokens: 21, totalTokens: 433 },
    });
    const [sent] = double.exchanges;
    expect(sent).toMatchObject({
      method: 'POST',
      url: '/v1/chat/completions',
      authorization: 'Bearer sk-local',
    });
    const lastUser = request.messages[0]?.content ?? [];
    expect(sent?.body).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: request.system?.[0]?.text },
        { role: 'user', content: lastUser.map((block) => ({ type: 'text', text: block.text })) },
      ],
      stream: false,
      max_tokens: 300,
      temperature: 0,
      tools: [
        {
          type: 'function',
          function: {
            name: ANSWER_TOOL_NAME,
            description: 'Submit the answer for the customer.',
            parameters: STRUCTURED_ANSWER_JSON_SCHEMA,
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: ANSWER_TOOL_NAME } },
    });
  });

  it('translates tool turns of the history into tool_calls and tool messages', async () => {
    double.reply = { status: 200, body: completion({ content: 'It shipped yesterday.' }) };
    const request: ParsedConverseRequest = {
      modelId: 'm',
      messages: [
        { role: 'user', content: [{ text: 'Where is order 42?' }] },
        {
          role: 'assistant',
          content: [
            { text: 'Let me check.' },
            { toolUse: { toolUseId: 't1', name: 'lookup_order', input: { id: '42' } } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              toolResult: { toolUseId: 't1', content: [{ json: { status: 'shipped' } }], status: 'success' },
            },
            { text: 'Thanks' },
          ],
        },
      ],
      toolConfig: {
        tools: [{ toolSpec: { name: 'lookup_order', inputSchema: { json: { type: 'object' } } } }],
        toolChoice: { any: {} },
      },
      inferenceConfig: { stopSequences: ['END'], topP: 0.5 },
    };
    expect(await engine.converse(request, signal)).toMatchObject({
      content: [{ text: 'It shipped yesterday.' }],
      stopReason: 'end_turn',
    });
    const body = double.exchanges[0]?.body as Record<string, unknown>;
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Where is order 42?' }] },
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          { id: 't1', type: 'function', function: { name: 'lookup_order', arguments: '{"id":"42"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 't1', content: '{"status":"shipped"}' },
      { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
    ]);
    expect(body).toMatchObject({ tool_choice: 'required', stop: ['END'], top_p: 0.5 });
  });

  it('maps finish reasons, and reports tool arguments that are not JSON as malformed_tool_use', async () => {
    double.reply = { status: 200, body: completion({ content: 'We ship to' }, 'length') };
    const plain = contractRequest('x', FAQ);
    expect((await engine.converse(plain, signal)).stopReason).toBe('max_tokens');
    double.reply = {
      status: 200,
      body: completion({
        content: '',
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: ANSWER_TOOL_NAME, arguments: '{"answer": "Yes' } },
        ],
      }),
    };
    const malformed = await engine.converse(plain, signal);
    expect(malformed.stopReason).toBe('malformed_tool_use');
    expect(malformed.content).toEqual([{ text: `${ANSWER_TOOL_NAME}({"answer": "Yes)` }]);
    expect(malformed.usage.inputTokens).toBeGreaterThan(0);
  });

  it('refuses content the chat API has no place for, before calling the LLM', async () => {
    const request: ParsedConverseRequest = {
      modelId: 'm',
      messages: [
        {
          role: 'user',
          content: [{ text: 'Summarize' }, { document: { name: 'terms', source: { bytes: 'aGk=' } } }],
        },
      ],
    };
    await expect(engine.converse(request, signal)).rejects.toMatchObject({
      errorName: 'ValidationException',
      message: expect.stringContaining('does not support document content (at messages.0)'),
    });
    expect(double.exchanges).toEqual([]);
  });

  it('turns an HTTP error or an odd body from the LLM into ModelErrorException', async () => {
    double.reply = { status: 500, body: { error: 'model crashed' } };
    await expect(engine.converse(contractRequest('x', FAQ), signal)).rejects.toMatchObject({
      errorName: 'ModelErrorException',
      status: 424,
      details: { originalStatusCode: 500, resourceName: 'llama3.2' },
      message: expect.stringContaining('model crashed'),
    });
    double.reply = { status: 200, body: { choices: [] } };
    await expect(engine.converse(contractRequest('x', FAQ), signal)).rejects.toMatchObject({
      errorName: 'ModelErrorException',
      message: expect.stringContaining('outside the chat-completions shape'),
    });
  });

  it('reports readiness, and a model the server does not list', async () => {
    expect(await engine.checkReadiness?.(signal)).toBeUndefined();
    const missing = createOpenAiEngine({ url: `${baseUrl}/v1/chat/completions`, model: 'qwen2.5' });
    expect(await missing.checkReadiness?.(signal)).toMatch(
      /does not list model qwen2.5 \(it has: llama3.2\)/,
    );
  });

  it('serves the SDK through the edge when chosen by the environment', async () => {
    double.reply = { status: 200, body: completion({ content: 'Hello from the local LLM.' }) };
    const chosen = createEngineFromEnvironment({
      PARLEY_LOCAL_LLM_URL: baseUrl,
      PARLEY_LOCAL_LLM_MODEL: 'llama3.2',
    });
    const fixture = await startBedrockEdge(chosen);
    try {
      const input: ConverseCommandInput = {
        modelId: 'amazon.nova-micro-v1:0',
        messages: [{ role: 'user', content: [{ text: 'hi' }] }],
      };
      const out = await fixture.client().send(new ConverseCommand(input));
      expect(out.output?.message?.content).toEqual([{ text: 'Hello from the local LLM.' }]);
      expect(fixture.logLines.some((line) => line.includes('answered by local-llm:llama3.2'))).toBe(true);
    } finally {
      await fixture.close();
    }
  });
});

describe('a local LLM that is configured but not running', () => {
  let deadUrl: string;

  beforeAll(async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    deadUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
  });

  it('says so at startup and answers ServiceUnavailableException naming the URL', async () => {
    const engine = createEngineFromEnvironment({
      PARLEY_LOCAL_LLM_URL: deadUrl,
      PARLEY_LOCAL_LLM_MODEL: 'llama3.2',
    });
    const fixture = await startBedrockEdge(engine);
    try {
      const failure = await sdkFailure(
        fixture
          .client()
          .send(
            new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
          ),
      );
      expect(failure).toMatchObject({ name: 'ServiceUnavailableException', status: 503 });
      expect(failure.message).toContain(`${deadUrl}/v1/chat/completions is unreachable (ECONNREFUSED)`);
      await waitFor(() =>
        fixture.logLines.some((line) => line.includes(`local LLM at ${deadUrl}/v1 is unreachable`)),
      );
    } finally {
      await fixture.close();
    }
  });
});

describe('choosing the engine from the environment', () => {
  it('uses the composer unless both variables are set', () => {
    expect(createEngineFromEnvironment({}).id).toBe('parley.local-composer-v1');
    expect(createEngineFromEnvironment({ PARLEY_LOCAL_LLM_URL: ' ', PARLEY_LOCAL_LLM_MODEL: '' }).id).toBe(
      'parley.local-composer-v1',
    );
    expect(() => createEngineFromEnvironment({ PARLEY_LOCAL_LLM_MODEL: 'llama3.2' })).toThrow(
      /PARLEY_LOCAL_LLM_URL is not set/,
    );
    expect(() => createEngineFromEnvironment({ PARLEY_LOCAL_LLM_URL: 'http://127.0.0.1:11434' })).toThrow(
      /PARLEY_LOCAL_LLM_MODEL is not set/,
    );
    expect(() =>
      createEngineFromEnvironment({ PARLEY_LOCAL_LLM_URL: 'file:///tmp', PARLEY_LOCAL_LLM_MODEL: 'x' }),
    ).toThrow(/PARLEY_LOCAL_LLM_URL: must be an http:\/\/ or https:\/\/ URL/);
  });

  it('accepts the server root, its /v1 or the full chat-completions URL', () => {
    for (const url of [
      'http://127.0.0.1:11434',
      'http://127.0.0.1:11434/',
      'http://127.0.0.1:11434/v1',
      'http://127.0.0.1:11434/v1/chat/completions',
    ]) {
      expect(apiBaseOf(url)).toBe('http://127.0.0.1:11434/v1');
    }
  });
});
