import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import fc from 'fast-check';
import {
  ANSWER_TOOL_NAME,
  ASKED_PREFIX,
  formatPassages,
  parsePassages,
  QUESTION_PREFIX,
  STRUCTURED_ANSWER_JSON_SCHEMA,
} from '../../../functions/generative/contract';
import { converseInput, historyMessages, type PromptInput } from '../../../functions/generative/prompt';
import { systemPrompt } from '../../../functions/generative/system-prompt';
import { passage } from './fakes';

const PASSAGES = [passage('return-policy#1'), passage('return-policy#2', { title: 'Returns "in store"' })];
const MODEL = { modelId: 'amazon.nova-lite-v1:0' };

/** A chat request in English with the two passages and no history, changed by `overrides`. */
function request(overrides: Partial<PromptInput> = {}): ConverseCommandInput {
  return converseInput({
    question: 'q',
    localeId: 'en_US',
    channel: 'chat',
    passages: PASSAGES,
    history: [],
    model: MODEL,
    ...overrides,
  });
}

describe('the Converse request', () => {
  it('puts the passages, then the question, in the last user message', () => {
    const input = request({ question: 'Can I return shoes?' });
    expect(input.modelId).toBe('amazon.nova-lite-v1:0');
    expect(input.messages).toEqual([
      {
        role: 'user',
        content: [{ text: formatPassages(PASSAGES) }, { text: `${QUESTION_PREFIX}Can I return shoes?` }],
      },
    ]);
    const sent = parsePassages(input.messages?.[0]?.content?.[0]?.text ?? '');
    expect(sent.map((p) => [p.id, p.title])).toEqual([
      ['return-policy#1', 'Title of return-policy'],
      ['return-policy#2', 'Returns "in store"'],
    ]);
  });

  it('says what the customer was just asked, between the passages and the question', () => {
    const input = request({ question: 'Where do I find that?', askedFor: "What's your order number?" });
    expect(input.messages?.[0]?.content).toEqual([
      { text: formatPassages(PASSAGES) },
      { text: `${ASKED_PREFIX}What's your order number?` },
      { text: `${QUESTION_PREFIX}Where do I find that?` },
    ]);
  });

  it('forces the answer tool with the contract schema', () => {
    const input = request();
    expect(input.toolConfig?.toolChoice).toEqual({ tool: { name: ANSWER_TOOL_NAME } });
    expect(input.toolConfig?.tools).toEqual([
      {
        toolSpec: expect.objectContaining({
          name: ANSWER_TOOL_NAME,
          inputSchema: { json: STRUCTURED_ANSWER_JSON_SCHEMA },
        }),
      },
    ]);
  });

  it.each([
    ['voice', { maxTokens: 200, temperature: 0.2 }],
    ['chat', { maxTokens: 600, temperature: 0.2 }],
  ] as const)('sets the inference limits for %s', (channel, inferenceConfig) => {
    const input = request({ channel });
    expect(input.inferenceConfig).toEqual(inferenceConfig);
  });

  it('adds the guardrail only when one is configured', () => {
    expect(request()).not.toHaveProperty('guardrailConfig');
    const guarded = request({ model: { ...MODEL, guardrail: { identifier: 'gr1abc', version: '3' } } });
    expect(guarded.guardrailConfig).toEqual({
      guardrailIdentifier: 'gr1abc',
      guardrailVersion: '3',
      trace: 'disabled',
    });
  });

  it('asks in the customer language, with the channel in mind', () => {
    expect(systemPrompt('en_US', 'voice')).toMatch(/^You are Parley[\s\S]*read aloud on a phone call/);
    expect(systemPrompt('es_US', 'chat')).toMatch(/^Usted es Parley[\s\S]*Responda en español[\s\S]*chat/);
    expect(systemPrompt('fr_CA', 'chat')).toBe(systemPrompt('en_US', 'chat'));
    for (const localeId of ['en_US', 'es_US'])
      expect(systemPrompt(localeId, 'chat')).toContain(ANSWER_TOOL_NAME);
  });
});

describe('the history window', () => {
  it('sends earlier turns oldest first, as user/assistant pairs before the question', () => {
    const input = request({
      question: 'And for shoes?',
      history: [
        { user: 'Can I return a shirt?', assistant: 'Yes, within 30 days.' },
        { user: 'Without a receipt?', assistant: 'You get store credit.' },
      ],
    });
    expect(input.messages?.map((m) => [m.role, m.content?.[0]?.text?.slice(0, 20)])).toEqual([
      ['user', 'Can I return a shirt'],
      ['assistant', 'Yes, within 30 days.'],
      ['user', 'Without a receipt?'],
      ['assistant', 'You get store credit'],
      ['user', '<passages>\n<passage '],
    ]);
  });

  it('always starts with the user and alternates, whatever the stored turns hold', () => {
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '  ', '\n'));
    fc.assert(
      fc.property(fc.array(fc.record({ user: text, assistant: text }), { maxLength: 8 }), (turns) => {
        const messages = [...historyMessages(turns), { role: 'user', content: [{ text: 'question' }] }];
        expect(messages[0]?.role).toBe('user');
        messages.forEach((message, index) => {
          expect(message.role).toBe(index % 2 === 0 ? 'user' : 'assistant');
          for (const block of message.content ?? []) expect(block.text?.trim()).not.toBe('');
        });
      }),
    );
  });
});
