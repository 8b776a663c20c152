import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { junitReport, textReport, xml } from '../../../local/conversation-tests/report';
import type { ConversationResult } from '../../../local/conversation-tests/run';

const passed: ConversationResult = {
  name: 'Order status',
  file: '/repo/test/conversations/order-status.yaml',
  passed: true,
  turns: [{ input: 'where is my order', reply: 'What is your order number?', mismatches: [] }],
  durationMs: 12,
};
const failed: ConversationResult = {
  name: 'Store hours <Sunday> & "more"',
  file: '/repo/test/conversations/store-hours.yaml',
  passed: false,
  turns: [
    { input: 'hours?', reply: 'Which store?', mismatches: [] },
    {
      input: 'sunday',
      reply: 'Closed.',
      mismatches: [{ check: 'message', expected: 'matches /open/i', seen: '"Closed."' }],
    },
  ],
  durationMs: 30,
};

describe('conversation reports', () => {
  it('show a failing conversation turn by turn, with what was expected and what the bot said', () => {
    const report = textReport([passed, failed], 'local stack');
    expect(report).toContain('PASS  Order status');
    expect(report).toContain('FAIL  Store hours');
    expect(report).toContain('x turn 2: sunday');
    expect(report).toContain('message: expected matches /open/i, saw "Closed."');
    expect(report).toContain('1/2 conversations passed');
  });

  it('write JUnit XML that CI systems read: one test case per conversation, failures with their reason', () => {
    const report = junitReport([passed, failed], 'conversations');
    expect(XMLValidator.validate(report)).toBe(true);
    const suite = new XMLParser({ ignoreAttributes: false }).parse(report).testsuite;
    expect(suite['@_tests']).toBe('2');
    expect(suite['@_failures']).toBe('1');
    expect(suite.testcase[1]['@_name']).toBe('Store hours <Sunday> & "more"');
    expect(suite.testcase[1].failure['@_message']).toContain('expected matches /open/i');
  });

  it('stay well-formed XML whatever the names and replies hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, reply) => {
        const result: ConversationResult = {
          ...failed,
          name,
          turns: [{ input: name, reply, mismatches: [] }],
        };
        expect(XMLValidator.validate(junitReport([result], name))).toBe(true);
        expect(XMLValidator.validate(`<a b="${xml(name)}">${xml(reply)}</a>`)).toBe(true);
      }),
    );
  });
});
