import { parseConverseRequest } from '../../../local/bedrock/requests';

const user = (text: string) => ({ role: 'user', content: [{ text }] });
const assistant = (text: string) => ({ role: 'assistant', content: [{ text }] });
const TOOLS = { tools: [{ toolSpec: { name: 'lookup_order', inputSchema: { json: { type: 'object' } } } }] };

function rejection(body: unknown, modelId = 'amazon.nova-micro-v1:0'): string {
  try {
    parseConverseRequest(modelId, body);
  } catch (error) {
    expect(error).toMatchObject({ errorName: 'ValidationException', status: 400 });
    return (error as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('Converse request validation', () => {
  it('accepts the full request shape and keeps the decoded model id', () => {
    const request = parseConverseRequest(
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-micro-v1:0',
      {
        system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }],
        messages: [
          {
            role: 'user',
            content: [
              { text: 'Where is order 42?' },
              { image: { format: 'png', source: { bytes: 'iVBORw0KGgo=' } } },
            ],
          },
          {
            role: 'assistant',
            content: [{ toolUse: { toolUseId: 't1', name: 'lookup_order', input: { id: '42' } } }],
          },
          {
            role: 'user',
            content: [
              {
                toolResult: {
                  toolUseId: 't1',
                  content: [{ json: { status: 'shipped' } }],
                  status: 'success',
                },
              },
            ],
          },
        ],
        inferenceConfig: { maxTokens: 300, temperature: 0.2, topP: 0.9, stopSequences: ['</answer>'] },
        toolConfig: { ...TOOLS, toolChoice: { auto: {} } },
        guardrailConfig: { guardrailIdentifier: 'gr1abc', guardrailVersion: 'DRAFT', trace: 'enabled_full' },
        requestMetadata: { tenant: 'parley' },
        performanceConfig: { latency: 'optimized' },
        unknownMember: 'dropped',
      },
    );
    expect(request.modelId).toBe(
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-micro-v1:0',
    );
    expect(request.messages).toHaveLength(3);
    expect(request).not.toHaveProperty('unknownMember');
  });

  it('names the field and the broken constraint', () => {
    expect(rejection({ messages: [user('hi')], inferenceConfig: { temperature: 1.5, maxTokens: 2.5 } })).toBe(
      "2 validation errors detected: Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must be an integer; " +
        "Value at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1",
    );
    expect(rejection({ messages: [{ role: 'system', content: [{ text: 'x' }] }] })).toContain(
      "Value at 'messages[0].role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]",
    );
    expect(rejection({ messages: [{ role: 'user', content: [{}] }] })).toContain(
      "Value at 'messages[0].content[0]' failed to satisfy constraint: Member must have exactly one of these members set: text, image",
    );
    expect(
      rejection({
        messages: [user('hi')],
        toolConfig: { tools: [{ toolSpec: { name: 'has space', inputSchema: { json: {} } } }] },
      }),
    ).toContain("'toolConfig.tools[0].toolSpec.name'");
    expect(rejection({ messages: [user('hi')], guardrailConfig: { guardrailVersion: 'v1' } })).toContain(
      "'guardrailConfig.guardrailVersion'",
    );
    expect(rejection({ messages: [user('hi')] }, '')).toContain("'modelId'");
  });

  it('enforces the conversation rules of the models behind Converse', () => {
    expect(rejection({ messages: [] })).toMatch(/must start with a user message/);
    expect(rejection({ messages: [user('a'), user('b')] })).toMatch(
      /must alternate between user and assistant/,
    );
    expect(rejection({ messages: [user('a'), assistant('b'), { role: 'user', content: [] }] })).toMatch(
      /content field in the Message object at messages\.2 is empty/,
    );
    expect(
      rejection({
        messages: [
          user('a'),
          { role: 'assistant', content: [{ image: { format: 'png', source: { bytes: 'aGk=' } } }] },
        ],
      }),
    ).toMatch(/image block at messages\.1\.content\.0 is only allowed in a user message/);
  });

  it('checks tool use against the tool configuration', () => {
    const toolTurns = [
      user('Where is order 42?'),
      { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'lookup_order', input: {} } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 't2', content: [{ text: 'shipped' }] } }] },
    ];
    expect(rejection({ messages: toolTurns.slice(0, 2).concat([user('x')]) })).toBe(
      'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
    );
    expect(rejection({ messages: toolTurns, toolConfig: TOOLS })).toMatch(
      /toolUseId t2 .* does not match any toolUse/,
    );
    expect(
      rejection({ messages: [user('x')], toolConfig: { tools: [...TOOLS.tools, ...TOOLS.tools] } }),
    ).toMatch(/lookup_order appears more than once/);
    expect(
      rejection({ messages: [user('x')], toolConfig: { ...TOOLS, toolChoice: { tool: { name: 'other' } } } }),
    ).toMatch(/tool other named in toolConfig.toolChoice is not defined/);
    expect(rejection({ messages: [user('x')], toolConfig: { tools: [] } })).toContain("'toolConfig.tools'");
  });
});
