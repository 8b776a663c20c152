import { withoutDiacritics } from '../lex/nlu/text';
import type { ConverseOutput, OutputContentBlock, ParsedConverseRequest } from './engine';
import type { GuardrailConfiguration } from './request-schema';
import { estimateOutputTokens } from './usage';

/*
 * A tiny stand-in for a Bedrock guardrail, applied when a request carries `guardrailConfig` (whatever its id):
 * two denied topics, each a short list of English and Spanish words and phrases. A real guardrail classifies
 * meaning, with configured topics, filters and messages; this one matches words, so it shows the mechanics
 * (stopReason `guardrail_intervened`, the blocked message, `trace.guardrail`) rather than the judgement.
 * Like Bedrock, it screens only the guardContent blocks when a request has any, else every user and system
 * text; then it screens the model's answer.
 */

interface DeniedTopic {
  name: string;
  /** Words or phrases, lowercase without accents, matched as whole words. */
  phrases: readonly string[];
}

const DENIED_TOPICS: readonly DeniedTopic[] = [
  // Self-harm first: its phrases contain violent words, and it is the more specific finding.
  {
    name: 'SelfHarm',
    phrases: [
      'suicide',
      'kill myself',
      'hurt myself',
      'self harm',
      'end my life',
      'want to die',
      'suicidio',
      'suicidarme',
      'matarme',
      'hacerme dano',
      'quitarme la vida',
    ],
  },
  {
    name: 'Violence',
    phrases: [
      'kill',
      'kills',
      'killed',
      'killing',
      'murder',
      'murdered',
      'bomb',
      'bombs',
      'shoot someone',
      'stab',
      'stabbed',
      'matar',
      'mato',
      'asesinar',
      'bomba',
      'bombas',
      'apunalar',
    ],
  },
];

/** Bedrock's default blocked messaging when a guardrail has none configured. */
export const BLOCKED_MESSAGE = 'Sorry, the model cannot answer this question.';

export interface GuardrailFinding {
  topic: string;
  source: 'input' | 'output';
}

export interface ConverseTrace {
  guardrail: Record<string, unknown>;
}

export interface GuardedOutput extends ConverseOutput {
  trace?: ConverseTrace;
}

export function screenInput(request: ParsedConverseRequest): GuardrailFinding | undefined {
  const topic = deniedTopicIn(textsToScreen(request));
  return topic === undefined ? undefined : { topic, source: 'input' };
}

export function screenOutput(content: readonly OutputContentBlock[]): GuardrailFinding | undefined {
  const texts = content.map((block) => ('text' in block ? block.text : JSON.stringify(block.toolUse.input)));
  const topic = deniedTopicIn(texts);
  return topic === undefined ? undefined : { topic, source: 'output' };
}

/** The answer Bedrock gives when a guardrail intervenes: the blocked message, with the trace if asked for. */
export function intervene(
  finding: GuardrailFinding,
  config: GuardrailConfiguration | undefined,
  inputTokens: number,
): GuardedOutput {
  const content = [{ text: BLOCKED_MESSAGE }];
  const outputTokens = estimateOutputTokens(content);
  const traced = config?.trace === 'enabled' || config?.trace === 'enabled_full';
  return {
    content,
    stopReason: 'guardrail_intervened',
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    ...(traced ? { trace: { guardrail: traceOf(finding, config?.guardrailIdentifier || 'guardrail') } } : {}),
  };
}

function traceOf(finding: GuardrailFinding, guardrailId: string): Record<string, unknown> {
  const assessment = {
    topicPolicy: { topics: [{ name: finding.topic, type: 'DENY', action: 'BLOCKED', detected: true }] },
  };
  return finding.source === 'input'
    ? { inputAssessment: { [guardrailId]: assessment }, actionReason: 'Guardrail blocked.' }
    : { outputAssessments: { [guardrailId]: [assessment] }, actionReason: 'Guardrail blocked.' };
}

function textsToScreen(request: ParsedConverseRequest): string[] {
  const blocks = [
    ...(request.system ?? []),
    ...request.messages.filter((message) => message.role === 'user').flatMap((message) => message.content),
  ];
  const guarded = blocks.flatMap((block) => (block.guardContent?.text ? [block.guardContent.text.text] : []));
  if (guarded.length > 0) return guarded;
  return blocks.flatMap((block) => (typeof block.text === 'string' ? [block.text] : []));
}

function deniedTopicIn(texts: readonly string[]): string | undefined {
  const words = ` ${texts.map(normalize).join(' ')} `;
  return DENIED_TOPICS.find((topic) => topic.phrases.some((phrase) => words.includes(` ${phrase} `)))?.name;
}

/** Lowercase words without accents, separated by single spaces, so phrases match on word boundaries. */
function normalize(text: string): string {
  return withoutDiacritics(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
