export type PollyRoute =
  | { kind: 'synthesize-speech' }
  | { kind: 'describe-voices'; query: URLSearchParams }
  | { kind: 'unsupported'; message: string }
  | { kind: 'unknown' };

/** Polly's other REST operations, refused by name so the caller knows what the local Polly serves. */
const NOT_EMULATED: readonly { prefix: string; operations: string }[] = [
  { prefix: '/v1/lexicons', operations: 'PutLexicon, GetLexicon, ListLexicons and DeleteLexicon' },
  {
    prefix: '/v1/synthesisTasks',
    operations: 'StartSpeechSynthesisTask, GetSpeechSynthesisTask and ListSpeechSynthesisTasks',
  },
  { prefix: '/v1/synthesisStream', operations: 'StartSpeechSynthesisStream' },
];

const SERVED = 'the local Polly serves SynthesizeSpeech and DescribeVoices';

export function isPollyPath(url: string): boolean {
  const path = pathOf(url);
  return (
    path === '/v1/speech' ||
    path === '/v1/voices' ||
    NOT_EMULATED.some(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))
  );
}

export function routePollyRequest(method: string, url: string): PollyRoute {
  const path = pathOf(url);
  if (method === 'POST' && path === '/v1/speech') return { kind: 'synthesize-speech' };
  if (method === 'GET' && path === '/v1/voices') {
    return { kind: 'describe-voices', query: new URLSearchParams(url.slice(path.length + 1)) };
  }
  const other = NOT_EMULATED.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  if (other)
    return { kind: 'unsupported', message: `${other.operations} are not emulated locally; ${SERVED}` };
  return { kind: 'unknown' };
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? '';
}
