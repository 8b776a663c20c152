import { failureMessage, type FailureKind } from '../../../functions/generative/failures';
import { generativeMessagesFor, type GenerativeMessages } from '../../../functions/generative/messages';
import { powertoolsAnswerMetrics } from '../../../functions/generative/metrics';

describe('answer metrics', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  function emitted(): Record<string, unknown>[] {
    return lines
      .flatMap((chunk) => chunk.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  }

  it('publishes tokens and latency per answer source, in the Parley namespace', () => {
    powertoolsAnswerMetrics('parley-code-hook').record({
      source: 'model',
      usage: { inputTokens: 420, outputTokens: 37 },
      modelLatencyMs: 812,
    });
    const [emf] = emitted();
    expect(emf).toMatchObject({
      AnswerSource: 'model',
      service: 'parley-code-hook',
      Answers: 1,
      InputTokens: 420,
      OutputTokens: 37,
      ModelLatency: 812,
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'Parley',
            Dimensions: [expect.arrayContaining(['service', 'AnswerSource'])],
            Metrics: expect.arrayContaining([
              { Name: 'InputTokens', Unit: 'Count' },
              { Name: 'OutputTokens', Unit: 'Count' },
              { Name: 'ModelLatency', Unit: 'Milliseconds' },
            ]),
          },
        ],
      },
    });
  });

  it('counts answers that never reached the model, without token metrics', () => {
    const metrics = powertoolsAnswerMetrics('parley-code-hook');
    metrics.record({ source: 'curated' });
    metrics.record({ source: 'no_passage' });
    const published = emitted();
    expect(published.map((emf) => [emf.AnswerSource, emf.Answers])).toEqual([
      ['curated', 1],
      ['no_passage', 1],
    ]);
    for (const emf of published) expect(emf).not.toHaveProperty('InputTokens');
  });
});

describe('generative messages', () => {
  const KINDS: FailureKind[] = [
    'throttled',
    'timeout',
    'unavailable',
    'model_error',
    'rejected',
    'guardrail',
    'malformed_output',
    'ungrounded',
  ];
  const sentences = (messages: GenerativeMessages) => [
    ...Object.values(messages),
    ...KINDS.map((kind) => failureMessage(kind, messages)),
  ];

  it.each(['en_US', 'es_US'])('%s: every reply is a finished sentence that leads to a person', (localeId) => {
    for (const sentence of sentences(generativeMessagesFor(localeId))) {
      expect(sentence).toMatch(/[.?]$/);
      expect(sentence).toMatch(/agent/);
      expect(sentence.length).toBeLessThan(300);
    }
  });

  it('has Spanish wording for every English reply', () => {
    const english = sentences(generativeMessagesFor('en_US'));
    sentences(generativeMessagesFor('es_US')).forEach((sentence, index) =>
      expect(sentence).not.toBe(english[index]),
    );
    expect(generativeMessagesFor('pt_BR')).toBe(generativeMessagesFor('en_US'));
  });
});
