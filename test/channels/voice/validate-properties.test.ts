import fc from 'fast-check';
import { findLocale, type LoadedBot } from '../../../bot-definitions/loader/load';
import { buildContactFlow, FLOW_ACTION_IDS } from '../../../channels/voice/contact-flow';
import { EXAMPLE_FLOWS } from '../../../channels/voice/example-parameters';
import { transitionsOf, type ContactFlow, type FlowAction } from '../../../channels/voice/flow-language';
import { LINE_LOCALES, type LineLocale } from '../../../channels/voice/line-locales';
import { validateContactFlow, type ContactFlowProblem } from '../../../channels/voice/validate-contact-flow';
import { loadRetailBot } from './bot';
import { setAtPath } from './set-at-path';

/** A broken copy of a valid flow, and where the validator must point. */
interface Mutant {
  flow: ContactFlow;
  reported: (problem: ContactFlowProblem) => boolean;
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

const danglingTransition = fc
  .record({ action: fc.nat(), edge: fc.nat(), name: fc.stringMatching(/^[a-z][a-z-]{0,15}$/) })
  .map(({ action, edge, name }) => (valid: ContactFlow): Mutant => {
    const flow = structuredClone(valid);
    const withExits = flow.Actions.filter((candidate) => transitionsOf(candidate).length > 0);
    const source = pick(withExits, action);
    const { field } = pick(transitionsOf(source), edge);
    const target = `gone-${name}`;
    setAtPath(source, field, target);
    return {
      flow,
      reported: (problem) =>
        problem.action === source.Identifier &&
        problem.field === field &&
        problem.message.includes(`"${target}"`),
    };
  });

const removedAction = fc.nat().map((index) => (valid: ContactFlow): Mutant => {
  const flow = structuredClone(valid);
  const [removed] = flow.Actions.splice(index % flow.Actions.length, 1);
  return { flow, reported: (problem) => problem.message.includes(`"${removed?.Identifier}"`) };
});

const unknownIntent = (intents: ReadonlySet<string>) =>
  fc
    .record({ action: fc.nat(), intent: fc.stringMatching(/^[A-Z][A-Za-z]{2,20}$/) })
    .filter(({ intent }) => !intents.has(intent))
    .map(({ action, intent }) => (valid: ContactFlow): Mutant => {
      const flow = structuredClone(valid);
      const lexBlocks = flow.Actions.filter((candidate) => candidate.Type === 'ConnectParticipantWithLexBot');
      const block = pick(lexBlocks, action);
      const field = 'Transitions.Conditions[0].Condition.Operands[0]';
      setAtPath(block, field, intent);
      return {
        flow,
        reported: (problem) =>
          problem.action === block.Identifier &&
          problem.field === field &&
          problem.message.includes(`"${intent}"`),
      };
    });

/**
 * The branches that mean something failed and the caller has not been told: a Lex block that timed out or
 * erred, any exit of a transfer that stays in the flow, an error of a silent bookkeeping action. Prompts and
 * decisions have none.
 */
function failureBranches(flow: ContactFlow): { source: FlowAction; field: string }[] {
  return flow.Actions.flatMap((action) =>
    transitionsOf(action)
      .filter(({ errorType }) => {
        switch (action.Type) {
          case 'MessageParticipant':
          case 'Compare':
            return false;
          case 'ConnectParticipantWithLexBot':
            return errorType === 'InputTimeLimitExceeded' || errorType === 'NoMatchingError';
          case 'TransferContactToQueue':
            return true;
          default:
            return errorType !== undefined;
        }
      })
      .map(({ field }) => ({ source: action, field })),
  );
}

/** A failure sent straight to the hang-up, or to the end-call check, which hangs up on one of its branches. */
const silentHangUp = fc
  .record({ branch: fc.nat(), viaEndCallCheck: fc.boolean() })
  .map(({ branch, viaEndCallCheck }) => (valid: ContactFlow): Mutant => {
    const flow = structuredClone(valid);
    const { source, field } = pick(failureBranches(flow), branch);
    setAtPath(source, field, viaEndCallCheck ? FLOW_ACTION_IDS.checkEndCall : FLOW_ACTION_IDS.hangUp);
    const since = `since "${source.Identifier}" took ${field}`;
    return {
      flow,
      reported: (problem) =>
        problem.message.startsWith('hangs up without a word') &&
        problem.message.includes(since) &&
        (viaEndCallCheck
          ? problem.action === FLOW_ACTION_IDS.checkEndCall
          : problem.action === source.Identifier && problem.field === field),
    };
  });

/** Ways to break an SSML document: malformed XML, or markup a neural voice does not speak. */
const SSML_BREAKAGES: readonly ((ssml: string, position: number) => string)[] = [
  (ssml) => ssml.replace(/<\/speak>$/, ''),
  (ssml, position) => `${ssml.slice(0, position)}<${ssml.slice(position)}`,
  (ssml, position) => `${ssml.slice(0, position)}&${ssml.slice(position)}`,
  (ssml) => ssml.replace('<s>', '<s><emphasis>').replace('</s>', '</emphasis></s>'),
  (ssml) => ssml.replace('<s>', '<s><prosody pitch="high">').replace('</s>', '</prosody></s>'),
  (ssml) => ssml.replace('</s>', '&nbsp;</s>'),
  (ssml) =>
    ssml
      .replace('<speak>', '<speak><amazon:auto-breaths>')
      .replace('</speak>', '</amazon:auto-breaths></speak>'),
];

const malformedSsml = fc
  .record({ action: fc.nat(), breakage: fc.nat(), position: fc.nat() })
  .map(({ action, breakage, position }) => (valid: ContactFlow): Mutant => {
    const flow = structuredClone(valid);
    const prompts = flow.Actions.filter(
      (candidate) =>
        candidate.Type === 'MessageParticipant' || candidate.Type === 'ConnectParticipantWithLexBot',
    );
    const prompt = pick(prompts, action);
    const ssml = prompt.Parameters.SSML ?? '';
    // Inside the document, after `<speak>`, so the stray character lands in markup or text.
    const at = '<speak>'.length + (position % (ssml.length - '<speak>'.length));
    prompt.Parameters.SSML = pick(SSML_BREAKAGES, breakage)(ssml, at);
    return {
      flow,
      reported: (problem) => problem.action === prompt.Identifier && problem.field === 'Parameters.SSML',
    };
  });

let bot: LoadedBot;
beforeAll(async () => {
  bot = await loadRetailBot();
});

function intentsOf(localeId: LineLocale): Set<string> {
  return new Set((findLocale(bot, localeId)?.Intents ?? []).map((intent) => intent.Name));
}

describe.each(LINE_LOCALES)('validateContactFlow on mutations of the %s flow', (localeId) => {
  const valid = buildContactFlow(EXAMPLE_FLOWS[localeId].options);

  it.each([
    ['a dangling NextAction', () => danglingTransition],
    ['a removed action', () => removedAction],
    ['an unknown intent', () => unknownIntent(intentsOf(localeId))],
    ['malformed or unsupported SSML', () => malformedSsml],
    ['a failure that hangs up without an apology', () => silentHangUp],
  ])('reports %s where it is', (_, mutation) => {
    fc.assert(
      fc.property(mutation(), (mutate) => {
        const { flow, reported } = mutate(valid);
        const problems = validateContactFlow(flow, { bot, localeId });
        expect(problems.some(reported)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('validateContactFlow on arbitrary input', () => {
  it('returns problems instead of throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            Version: fc.constant('2019-10-30'),
            StartAction: fc.string(),
            Actions: fc.array(fc.anything()),
          }),
        ),
        (input) => {
          expect(validateContactFlow(input, { bot, localeId: 'en_US' }).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
