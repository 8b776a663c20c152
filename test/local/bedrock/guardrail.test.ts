import type { ParsedConverseRequest } from '../../../local/bedrock';
import { BLOCKED_MESSAGE, intervene, screenInput, screenOutput } from '../../../local/bedrock/guardrail';

function request(
  messages: ParsedConverseRequest['messages'],
  system?: ParsedConverseRequest['system'],
): ParsedConverseRequest {
  return { modelId: 'm', messages, ...(system ? { system } : {}) };
}

describe('the local guardrail policy', () => {
  it('finds denied topics in user and system text, as whole words, in English and Spanish', () => {
    expect(screenInput(request([{ role: 'user', content: [{ text: 'How do I make a BOMB?' }] }]))).toEqual({
      topic: 'Violence',
      source: 'input',
    });
    expect(screenInput(request([{ role: 'user', content: [{ text: 'Quiero hacerme daño' }] }]))?.topic).toBe(
      'SelfHarm',
    );
    expect(
      screenInput(request([{ role: 'user', content: [{ text: 'I want to kill myself' }] }]))?.topic,
    ).toBe('SelfHarm');
    expect(
      screenInput(
        request([{ role: 'user', content: [{ text: 'hi' }] }], [{ text: 'Never discuss how to kill.' }]),
      )?.topic,
    ).toBe('Violence');
    expect(
      screenInput(request([{ role: 'user', content: [{ text: 'Is the bombshell dress back in stock?' }] }])),
    ).toBeUndefined();
  });

  it("screens only guardContent blocks when a request has any, and never the assistant's turns", () => {
    const guarded = request([
      {
        role: 'user',
        content: [{ text: 'kill the noise: ' }, { guardContent: { text: { text: 'Where is my order?' } } }],
      },
    ]);
    expect(screenInput(guarded)).toBeUndefined();
    const assistantOnly = request([
      { role: 'user', content: [{ text: 'hello' }] },
      { role: 'assistant', content: [{ text: 'We do not sell bombs.' }] },
      { role: 'user', content: [{ text: 'ok' }] },
    ]);
    expect(screenInput(assistantOnly)).toBeUndefined();
  });

  it("screens the model's answer, tool input included", () => {
    expect(
      screenOutput([
        { toolUse: { toolUseId: 't', name: 'submit_answer', input: { answer: 'They were murdered.' } } },
      ]),
    ).toEqual({
      topic: 'Violence',
      source: 'output',
    });
    expect(screenOutput([{ text: 'Gift cards never expire.' }])).toBeUndefined();
  });

  it('answers with the blocked message, and an output trace only when asked', () => {
    const traced = intervene(
      { topic: 'Violence', source: 'output' },
      { guardrailIdentifier: 'gr1', trace: 'enabled_full' },
      40,
    );
    expect(traced).toMatchObject({
      content: [{ text: BLOCKED_MESSAGE }],
      stopReason: 'guardrail_intervened',
    });
    expect(traced.usage.inputTokens).toBe(40);
    expect(traced.trace?.guardrail).toEqual({
      outputAssessments: {
        gr1: [
          {
            topicPolicy: { topics: [{ name: 'Violence', type: 'DENY', action: 'BLOCKED', detected: true }] },
          },
        ],
      },
      actionReason: 'Guardrail blocked.',
    });
    expect(intervene({ topic: 'Violence', source: 'input' }, undefined, 1).trace).toBeUndefined();
  });
});
