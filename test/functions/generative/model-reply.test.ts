import fc from 'fast-check';
import { readModelReply } from '../../../functions/generative/model-reply';
import { textReply, toolReply } from './fakes';

const SENT = [
  { id: 'returns#1', title: 'Return policy' },
  { id: 'returns#2', title: 'Return policy' },
  { id: 'gift-cards#1', title: 'Gift cards' },
];

describe('reading the model reply', () => {
  it('takes a valid tool call as it is', () => {
    const verdict = readModelReply(
      toolReply({ answer: 'You can return it within 30 days.', citations: ['returns#1'], outcome: 'answer' }),
      SENT,
    );
    expect(verdict).toEqual({
      ok: true,
      reply: {
        text: 'You can return it within 30 days.',
        citations: [{ id: 'returns#1', title: 'Return policy' }],
        outcome: 'answer',
      },
    });
  });

  it('keeps only citations of passages that were sent, once each', () => {
    const verdict = readModelReply(
      toolReply({
        answer: 'Within 30 days, with a receipt.',
        citations: ['returns#2', 'made-up#9', 'returns#2', 'gift-cards#1'],
        outcome: 'answer',
      }),
      SENT,
    );
    expect(verdict.ok && verdict.reply.citations.map((c) => c.id)).toEqual(['returns#2', 'gift-cards#1']);
  });

  it('refuses an answer that cites nothing it was given', () => {
    for (const citations of [[], ['made-up#1', 'https://example.com']]) {
      const verdict = readModelReply(toolReply({ answer: 'Sure!', citations, outcome: 'answer' }), SENT);
      expect(verdict).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'ungrounded' }) });
    }
  });

  it('drops citations from replies that are not answers', () => {
    const verdict = readModelReply(
      toolReply({ answer: 'Which item is it?', citations: ['returns#1'], outcome: 'clarify' }),
      SENT,
    );
    expect(verdict).toEqual({
      ok: true,
      reply: { text: 'Which item is it?', citations: [], outcome: 'clarify' },
    });
  });

  it('removes markup a channel would interpret', () => {
    const verdict = readModelReply(
      toolReply({
        answer: '**Yes**: <speak>within</speak> 30 days <!channel> <@U123>.\n- keep the receipt',
        citations: ['returns#1'],
        outcome: 'answer',
      }),
      SENT,
    );
    expect(verdict.ok && verdict.reply.text).toBe('Yes: within 30 days . keep the receipt');
  });

  it('reports a guardrail instead of passing its words on', () => {
    for (const stopReason of ['guardrail_intervened', 'content_filtered'] as const) {
      expect(readModelReply(textReply('Sorry, the model cannot answer this.', stopReason), SENT)).toEqual({
        ok: false,
        failure: { kind: 'guardrail', detail: stopReason },
      });
    }
  });

  describe('repair', () => {
    const valid = { answer: 'Within 30 days.', citations: ['returns#1'], outcome: 'answer' };

    it('reads tool input sent as a JSON string', () => {
      const verdict = readModelReply(toolReply(JSON.stringify(valid)), SENT);
      expect(verdict).toMatchObject({ ok: true, reply: { repair: 'tool_input_as_string' } });
    });

    it('ignores fields beyond the schema', () => {
      const verdict = readModelReply(toolReply({ ...valid, confidence: 0.9 }), SENT);
      expect(verdict).toMatchObject({
        ok: true,
        reply: { text: 'Within 30 days.', repair: 'tool_input_extra_fields' },
      });
    });

    it('finds the structured answer written out in text', () => {
      const text = `Here is my answer: ${JSON.stringify(valid)} Hope that helps {not json}`;
      const verdict = readModelReply(textReply(text, 'end_turn'), SENT);
      expect(verdict).toMatchObject({ ok: true, reply: { text: 'Within 30 days.', repair: 'json_in_text' } });
    });

    it('never shows prose, whatever the stop reason', () => {
      for (const stopReason of ['end_turn', 'max_tokens', 'stop_sequence'] as const) {
        const verdict = readModelReply(textReply('You can return it within 30 days.', stopReason), SENT);
        expect(verdict).toEqual({
          ok: false,
          failure: expect.objectContaining({ kind: 'malformed_output' }),
        });
      }
    });

    it('refuses input that breaks the schema', () => {
      for (const input of [
        { answer: '', citations: [], outcome: 'answer' },
        { answer: 'x', citations: 'returns#1', outcome: 'answer' },
        { answer: 'x', citations: [], outcome: 'maybe' },
        { answer: 'x'.repeat(2001), citations: ['returns#1'], outcome: 'answer' },
        '{"answer": "Within 30',
        null,
        [valid],
      ]) {
        expect(readModelReply(toolReply(input, { stopReason: 'max_tokens' }), SENT)).toEqual({
          ok: false,
          failure: expect.objectContaining({ kind: 'malformed_output' }),
        });
      }
    });

    it('ignores a call to any other tool', () => {
      const response = toolReply(valid);
      const toolUse = response.output?.message?.content?.[0]?.toolUse;
      if (toolUse) toolUse.name = 'lookup_order';
      expect(readModelReply(response, SENT)).toMatchObject({ ok: false });
    });
  });

  it('never throws, and never cites what was not sent, whatever the model returns', () => {
    const content = fc.oneof(
      fc.record({ text: fc.oneof(fc.string(), fc.json()) }),
      fc.record({
        toolUse: fc.record({
          toolUseId: fc.string(),
          name: fc.constantFrom('submit_answer', 'other'),
          input: fc.oneof(
            fc.jsonValue(),
            fc.record({
              answer: fc.string({ maxLength: 50 }),
              citations: fc.array(fc.constantFrom('returns#1', 'gift-cards#1', 'x#1', '')),
              outcome: fc.constantFrom('answer', 'clarify', 'handoff', 'cannot_answer', 'other'),
            }),
          ),
        }),
      }),
    );
    const sentIds = new Set(SENT.map((s) => s.id));
    fc.assert(
      fc.property(
        fc.array(content, { maxLength: 3 }),
        fc.constantFrom('end_turn', 'tool_use', 'max_tokens', 'guardrail_intervened', undefined),
        (blocks, stopReason) => {
          const verdict = readModelReply(
            {
              output: { message: { role: 'assistant', content: blocks as never } },
              stopReason,
              $metadata: {},
            } as never,
            SENT,
          );
          if (!verdict.ok) return;
          expect(verdict.reply.text.trim()).not.toBe('');
          expect(verdict.reply.text).not.toMatch(/<[^<>\s][^<>]*>|\p{Cc}/u);
          for (const citation of verdict.reply.citations) expect(sentIds.has(citation.id)).toBe(true);
          if (verdict.reply.outcome === 'answer') expect(verdict.reply.citations.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
