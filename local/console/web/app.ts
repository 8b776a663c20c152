/**
 * The console page: a chat with the local bot and an inspector for each turn. Plain DOM, no framework: the page
 * is small, and everything it shows comes from /console/api/turn.
 */

interface TurnReply {
  messages: { contentType?: string; content?: string }[];
  sessionState: {
    dialogAction?: { type?: string; slotToElicit?: string };
    intent?: {
      name?: string;
      state?: string;
      slots?: Record<string, { value?: { interpretedValue?: string; originalValue?: string } } | null>;
    };
    sessionAttributes?: Record<string, string>;
    activeContexts?: { name?: string }[];
  };
  interpretations: { intent?: { name?: string }; nluConfidence?: { score?: number } }[];
  answer: {
    source: string;
    citations: { id: string; title: string }[];
    usage?: { inputTokens: number; outputTokens: number };
    modelLatencyMs?: number;
  } | null;
  handoff: boolean;
  trace: {
    totalMs: number;
    codeHookMs?: number;
    codeHookCalls?: { source: string; outcome: string; durationMs: number }[];
    inputTranscript?: string;
  } | null;
  roundTripMs: number;
  hookCalls: { source: string; outcome: string; durationMs: number; event: unknown; response: unknown }[];
  /** A phone turn's spoken reply, base64 MPEG audio. */
  audio?: string;
  /** What Lex heard on the phone: the words, or the keys pressed. */
  heard?: string;
  retrieval: {
    curated: { docId: string; confidence: number } | null;
    passages: {
      id: string;
      title: string;
      score: number;
      matches: { term: string; fields: string[] }[];
      toModel: boolean;
    }[];
  } | null;
}

interface Turn {
  text: string;
  /** The keys pressed, for a keypad turn. */
  keys?: string | undefined;
  /** What recognition heard, for a spoken turn: replayed as a sentence to say. */
  heard?: string | undefined;
  reply: TurnReply;
}

const state = { sessionId: newSessionId(), turns: [] as Turn[], selected: -1, modelEngine: '' };

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
};

function newSessionId(): string {
  return `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function make(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function replyText(reply: TurnReply): string {
  return reply.messages.map((message) => message.content ?? '').join(' ');
}

function renderTurns(): void {
  const list = element<HTMLOListElement>('turns');
  list.replaceChildren();
  state.turns.forEach((turn, index) => {
    const user = make('li', turn.text, 'user');
    const bot = make('li', replyText(turn.reply), 'bot');
    const audio = turn.reply.audio;
    if (audio) {
      const play = make('button', '▶ play', 'play');
      play.setAttribute('type', 'button');
      play.addEventListener('click', (event) => {
        event.stopPropagation();
        playAudio(audio);
      });
      bot.append(play);
    }
    const intent = turn.reply.sessionState.intent;
    bot.append(
      make(
        'span',
        `${intent?.name ?? '?'} · ${intent?.state ?? ''} · ${turn.reply.sessionState.dialogAction?.type ?? ''}`,
        'meta',
      ),
    );
    for (const item of [user, bot]) {
      item.dataset.turn = String(index);
      if (index === state.selected) item.classList.add('selected');
      item.addEventListener('click', () => select(index));
    }
    list.append(user, bot);
  });
  list.scrollTop = list.scrollHeight;
}

function table(rows: [string, string][], headers: [string, string]): HTMLElement {
  const node = make('table');
  const head = make('tr');
  head.append(make('th', headers[0]), make('th', headers[1]));
  node.append(head);
  for (const [key, value] of rows) {
    const row = make('tr');
    row.append(make('td', key), make('td', value));
    node.append(row);
  }
  return node;
}

function bar(share: number): HTMLElement {
  const node = make('span', '', 'bar');
  node.style.width = `${Math.round(Math.max(0, Math.min(1, share)) * 120)}px`;
  return node;
}

interface ScoredPassage {
  id: string;
  score: number;
  matches: { term: string; fields: string[] }[];
  /** Scored high enough to be sent to the model. */
  toModel?: boolean;
}

/** Passages with their score as a bar and the words that matched, by field: why each was found. */
function passageTable(passages: readonly ScoredPassage[], id: string): HTMLElement {
  const node = make('table');
  node.id = id;
  for (const passage of passages) {
    const row = make('tr');
    const score = make('td');
    score.append(bar(passage.score), make('span', ` ${passage.score.toFixed(2)}`));
    const why = passage.matches.map((match) => `${match.term} [${match.fields.join(', ')}]`).join('; ');
    const name =
      passage.toModel === undefined ? passage.id : `${passage.id}${passage.toModel ? ' → model' : ''}`;
    row.append(make('td', name), score, make('td', why));
    node.append(row);
  }
  return node;
}

function renderInspector(): void {
  const panel = element('inspector');
  panel.replaceChildren();
  const turn = state.turns[state.selected];
  if (!turn) {
    panel.append(make('p', 'Select a turn to see what Lex and the code hook decided.', 'hint'));
    return;
  }
  const { reply } = turn;
  const intent = reply.sessionState.intent;
  panel.append(make('h2', 'Intent'));
  const interpretations = make('table');
  interpretations.id = 'interpretations';
  for (const interpretation of reply.interpretations) {
    const row = make('tr');
    const score = interpretation.nluConfidence?.score;
    const cell = make('td');
    if (score !== undefined) cell.append(bar(score), make('span', ` ${score.toFixed(2)}`));
    else cell.textContent = 'below threshold';
    row.append(make('td', interpretation.intent?.name ?? '?'), cell);
    interpretations.append(row);
  }
  panel.append(
    make(
      'p',
      `${intent?.name ?? '?'} (${intent?.state ?? 'no state'}), next: ${reply.sessionState.dialogAction?.type ?? '?'} ${reply.sessionState.dialogAction?.slotToElicit ?? ''}`,
    ),
    interpretations,
  );
  const slots = Object.entries(intent?.slots ?? {}).map(([name, slot]): [string, string] => [
    name,
    slot?.value
      ? `${slot.value.interpretedValue ?? '(ambiguous)'}  ← "${slot.value.originalValue ?? ''}"`
      : '—',
  ]);
  if (slots.length > 0) panel.append(make('h2', 'Slots'), table(slots, ['slot', 'value']));
  const attributes = Object.entries(reply.sessionState.sessionAttributes ?? {});
  if (attributes.length > 0)
    panel.append(make('h2', 'Session attributes'), table(attributes, ['name', 'value']));
  const contexts = (reply.sessionState.activeContexts ?? [])
    .map((context) => context.name ?? '')
    .filter(Boolean);
  if (contexts.length > 0) panel.append(make('p', `Active contexts: ${contexts.join(', ')}`));
  panel.append(make('h2', 'Answer'));
  const source = reply.answer ? `${reply.answer.source}` : 'business intent (no knowledge answer)';
  panel.append(make('p', `Source: ${source}${reply.handoff ? ' · handed off to an agent' : ''}`));
  if (reply.answer && reply.answer.citations.length > 0) {
    panel.append(
      table(
        reply.answer.citations.map((citation) => [citation.id, citation.title]),
        ['cited', 'title'],
      ),
    );
  }
  if (reply.retrieval) {
    panel.append(
      make('h2', 'Retrieval'),
      make('p', 'For this message alone; the hook also looks it up with the previous question.', 'hint'),
    );
    if (reply.retrieval.curated)
      panel.append(
        make(
          'p',
          `Curated match: ${reply.retrieval.curated.docId} (${reply.retrieval.curated.confidence.toFixed(2)})`,
        ),
      );
    panel.append(passageTable(reply.retrieval.passages, 'passages'));
  }
  if (reply.hookCalls.length > 0) {
    panel.append(make('h2', 'Code hook'));
    for (const call of reply.hookCalls) {
      const details = make('details');
      details.className = 'hook-call';
      details.append(
        make('summary', `${call.source}: ${call.outcome}, ${call.durationMs} ms`),
        make('h3', 'Event'),
        make('pre', JSON.stringify(call.event, null, 2)),
        make('h3', 'Response'),
        make('pre', JSON.stringify(call.response, null, 2)),
      );
      panel.append(details);
    }
  }
  panel.append(make('h2', 'Messages as sent'));
  for (const message of reply.messages)
    panel.append(make('pre', `${message.contentType ?? ''}: ${message.content ?? ''}`));
  if (reply.answer?.usage || reply.answer?.modelLatencyMs !== undefined) {
    const usage = reply.answer.usage;
    panel.append(
      make('h2', 'Model'),
      make(
        'p',
        [
          state.modelEngine,
          usage ? `${usage.inputTokens} tokens in, ${usage.outputTokens} out` : 'no token count',
          reply.answer.modelLatencyMs !== undefined ? `${reply.answer.modelLatencyMs} ms` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    );
  }
  panel.append(make('h2', 'Latency'), latencyBreakdown(reply));
}

/**
 * Where the turn's time went, each part a bar on one scale: the model, the code hook around it, Lex itself
 * (recognition, NLU and dialog), and the rest of the round trip (speech synthesis for a call, transport).
 */
function latencyBreakdown(reply: TurnReply): HTMLElement {
  const total = reply.roundTripMs;
  const lexTurn = reply.trace?.totalMs ?? 0;
  const hook = reply.trace?.codeHookMs ?? 0;
  const model = reply.answer?.modelLatencyMs ?? 0;
  const parts: [string, number][] = [
    ['model', model],
    ['code hook, without the model', Math.max(0, hook - model)],
    ['Lex: recognition, NLU and dialog', Math.max(0, lexTurn - hook)],
    ['speech and transport', Math.max(0, total - lexTurn)],
  ];
  const node = make('table');
  node.id = 'latency';
  for (const [step, ms] of parts) {
    const row = make('tr');
    const cell = make('td');
    cell.append(bar(total > 0 ? ms / total : 0), make('span', ` ${Math.round(ms)} ms`));
    row.append(make('td', step), cell);
    node.append(row);
  }
  const last = make('tr');
  last.append(make('th', 'round trip'), make('th', `${total} ms`));
  node.append(last);
  return node;
}

function select(index: number): void {
  state.selected = index;
  renderTurns();
  renderInspector();
}

/** What Lex takes from Connect: 16 kHz, 16-bit, mono. */
const LEX_SAMPLE_RATE = 16_000;

interface Recording {
  context: AudioContext;
  stream: MediaStream;
  chunks: Float32Array[];
}

let recording: Recording | undefined;

/** Starts recording the microphone; the samples are kept as the browser gives them, at its own rate. */
async function startTalking(): Promise<void> {
  if (recording) return;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  // ScriptProcessorNode is deprecated but needs no separate worklet file; a few seconds of speech is all it carries.
  const processor = context.createScriptProcessor(4096, 1, 1);
  const chunks: Float32Array[] = [];
  processor.onaudioprocess = (event) => chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
  source.connect(processor);
  processor.connect(context.destination);
  recording = { context, stream, chunks };
  element('talk').textContent = 'Listening... release to send';
}

/** Stops recording and sends what was said as 16 kHz 16-bit PCM. */
async function stopTalking(): Promise<void> {
  const done = recording;
  if (!done) return;
  recording = undefined;
  element('talk').textContent = 'Hold to talk';
  for (const track of done.stream.getTracks()) track.stop();
  const rate = done.context.sampleRate;
  await done.context.close();
  const samples = toPcm16(resampleLinear(concatenate(done.chunks), rate, LEX_SAMPLE_RATE));
  if (samples.length === 0) return;
  await send({ audio: base64Of(new Uint8Array(samples.buffer)) });
}

function concatenate(chunks: readonly Float32Array[]): Float32Array {
  const all = new Float32Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

/** Linear interpolation is enough for speech recognition at 16 kHz; the browser records at 44.1 or 48 kHz. */
function resampleLinear(samples: Float32Array, from: number, to: number): Float32Array {
  const out = new Float32Array(Math.floor((samples.length * to) / from));
  for (let index = 0; index < out.length; index++) {
    const position = (index * from) / to;
    const left = Math.floor(position);
    const right = Math.min(left + 1, samples.length - 1);
    const weight = position - left;
    out[index] = (samples[left] ?? 0) * (1 - weight) + (samples[right] ?? 0) * weight;
  }
  return out;
}

/** Little-endian 16-bit PCM, as every machine a browser runs on stores an Int16Array. */
function toPcm16(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index++) {
    pcm[index] = Math.round(Math.max(-1, Math.min(1, samples[index] ?? 0)) * 0x7fff);
  }
  return pcm;
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

function playAudio(base64: string): void {
  const player = element<HTMLAudioElement>('player');
  player.src = `data:audio/mpeg;base64,${base64}`;
  void player.play().catch(() => undefined);
}

/** Sends typed words, or key presses on the phone channel, and shows the reply; a phone reply is played. */
async function send(input: { text: string } | { dtmf: string } | { audio: string }): Promise<void> {
  const status = element('status');
  status.textContent = 'audio' in input ? 'Recognizing and answering...' : 'Waiting for the bot...';
  const response = await fetch('/console/api/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sessionId: state.sessionId,
      localeId: element<HTMLSelectElement>('locale').value,
      channel: element<HTMLSelectElement>('channel').value,
      alias: element<HTMLSelectElement>('alias').value,
      ...input,
    }),
  }).finally(() => {
    status.textContent = '';
  });
  const body = (await response.json()) as TurnReply | { error: string };
  const heard = 'error' in body ? undefined : body.heard;
  const shown =
    'text' in input ? input.text : 'dtmf' in input ? `(pressed ${input.dtmf})` : `(said) ${heard ?? ''}`;
  state.turns.push({
    text: shown,
    keys: 'dtmf' in input ? input.dtmf : undefined,
    heard: 'audio' in input ? heard : undefined,
    reply: 'error' in body ? errorReply(body.error) : body,
  });
  select(state.turns.length - 1);
  const audio = 'error' in body ? undefined : body.audio;
  if (audio) playAudio(audio);
}

function errorReply(error: string): TurnReply {
  return {
    messages: [{ contentType: 'PlainText', content: `(error) ${error}` }],
    sessionState: {},
    interpretations: [],
    answer: null,
    handoff: false,
    trace: null,
    roundTripMs: 0,
    hookCalls: [],
    retrieval: null,
  };
}

/** The conversation as a YAML test (test/conversations/), expecting what the bot did this time. */
function exportYaml(): string {
  const locale = element<HTMLSelectElement>('locale').value;
  const channel = element<HTMLSelectElement>('channel').value;
  const alias = element<HTMLSelectElement>('alias').value;
  const lines = [
    `name: ${JSON.stringify(`Recorded in the console, ${new Date().toISOString().slice(0, 10)}`)}`,
    `locale: ${locale}`,
    `channel: ${channel}`,
    // Slack goes to the staff alias by itself; any other choice is written down.
    ...((channel === 'slack') === (alias === 'staff') ? [] : [`alias: ${alias}`]),
    'turns:',
  ];
  for (const turn of state.turns) {
    const intent = turn.reply.sessionState.intent;
    const expect: Record<string, unknown> = {};
    if (intent?.name) expect.intent = intent.name;
    if (intent?.state) expect.state = intent.state;
    const action = turn.reply.sessionState.dialogAction;
    if (action?.type === 'ElicitSlot' && action.slotToElicit) expect.slotToElicit = action.slotToElicit;
    const filled = Object.entries(intent?.slots ?? {}).filter(([, slot]) => slot?.value?.interpretedValue);
    if (filled.length > 0)
      expect.slots = Object.fromEntries(filled.map(([name, slot]) => [name, slot?.value?.interpretedValue]));
    const articles = [
      ...new Set((turn.reply.answer?.citations ?? []).map((citation) => citation.id.split('#')[0])),
    ];
    if (articles.length > 0) expect.articles = articles;
    if (turn.reply.handoff) expect.handoff = true;
    // JSON is YAML: quoted strings and flow mappings read back exactly.
    const said =
      turn.keys !== undefined
        ? `dtmf: ${JSON.stringify(turn.keys)}`
        : turn.heard !== undefined
          ? `say: ${JSON.stringify(turn.heard)}`
          : `user: ${JSON.stringify(turn.text)}`;
    lines.push(`  - ${said}`, `    expect: ${JSON.stringify(expect)}`);
  }
  return `${lines.join('\n')}\n`;
}

interface GapGroup {
  representative: string;
  count: number;
  kinds: Record<string, number>;
  localeIds: string[];
  lastSeen: string;
}

interface Explanation {
  curated: { docId: string; confidence: number } | null;
  closestPhrasings: { docId: string; phrasing: string; similarity: number }[];
  passages: { id: string; title: string; score: number; matches: { term: string; fields: string[] }[] }[];
}

async function showGaps(): Promise<void> {
  const table = element<HTMLTableElement>('gaps');
  table.replaceChildren(make('caption', 'Loading...'));
  const body = (await (await fetch('/console/api/gaps')).json()) as { total: number; groups: GapGroup[] };
  table.replaceChildren(
    make('caption', `${body.total} unanswered questions in ${body.groups.length} groups`),
  );
  const head = make('tr');
  for (const title of ['question', 'times', 'why', 'locales', 'last seen']) head.append(make('th', title));
  table.append(head);
  for (const group of body.groups) {
    const row = make('tr');
    const why = Object.entries(group.kinds)
      .map(([kind, count]) => `${kind.replace('_', ' ')} ${count}`)
      .join(', ');
    row.append(
      make('td', group.representative),
      make('td', String(group.count)),
      make('td', why),
      make('td', group.localeIds.join(', ')),
      make('td', group.lastSeen.slice(0, 16).replace('T', ' ')),
    );
    table.append(row);
  }
}

async function explain(question: string): Promise<void> {
  const target = element('explanation');
  const query = new URLSearchParams({
    q: question,
    locale: element<HTMLSelectElement>('locale').value,
    audience: element<HTMLSelectElement>('explain-audience').value,
  });
  const body = (await (await fetch(`/console/api/explain?${query}`)).json()) as
    Explanation | { error: string };
  target.replaceChildren();
  if ('error' in body) {
    target.append(make('p', body.error));
    return;
  }
  target.append(
    make(
      'p',
      body.curated
        ? `Curated answer: ${body.curated.docId} (similarity ${body.curated.confidence.toFixed(2)})`
        : 'No curated answer: the model answers from the passages below.',
    ),
  );
  const phrasings = body.closestPhrasings.map((p): [string, string] => [
    p.docId,
    `${p.similarity.toFixed(2)}  "${p.phrasing}"`,
  ]);
  if (phrasings.length > 0)
    target.append(make('h3', 'Closest listed questions'), table(phrasings, ['article', 'similarity']));
  target.append(make('h3', 'Passages, best first'), passageTable(body.passages, 'explained-passages'));
}

function showView(knowledge: boolean): void {
  element('chat-view').hidden = knowledge;
  element('knowledge-view').hidden = !knowledge;
  element('show-knowledge').textContent = knowledge ? 'Chat' : 'Knowledge';
  if (knowledge) void showGaps();
}

async function start(): Promise<void> {
  const { bots, modelEngine } = (await (await fetch('/console/api/bots')).json()) as {
    bots: { locales: string[] }[];
    modelEngine: string;
  };
  state.modelEngine = modelEngine;
  const locales = element<HTMLSelectElement>('locale');
  for (const localeId of bots[0]?.locales ?? ['en_US']) locales.append(new Option(localeId, localeId));
  element<HTMLFormElement>('say').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = element<HTMLInputElement>('text');
    const text = input.value.trim();
    if (text === '') return;
    input.value = '';
    void send({ text });
  });
  element('new-session').addEventListener('click', () => {
    state.sessionId = newSessionId();
    state.turns = [];
    select(-1);
  });
  const keys = element<HTMLOutputElement>('keys');
  for (const key of element('keypad').querySelectorAll<HTMLButtonElement>('.keys button')) {
    key.addEventListener('click', () => {
      keys.value += key.textContent ?? '';
    });
  }
  element('send-keys').addEventListener('click', () => {
    if (keys.value === '') return;
    const dtmf = keys.value;
    keys.value = '';
    void send({ dtmf });
  });
  const talk = element('talk');
  talk.addEventListener('pointerdown', () => void startTalking());
  talk.addEventListener('pointerup', () => void stopTalking());
  talk.addEventListener('pointerleave', () => void stopTalking());
  element<HTMLSelectElement>('channel').addEventListener('change', (event) => {
    const channel = (event.target as HTMLSelectElement).value;
    element('keypad').hidden = channel !== 'phone';
    // Slack is the staff channel; a developer may still try either alias on any channel.
    element<HTMLSelectElement>('alias').value = channel === 'slack' ? 'staff' : 'public';
  });
  element('show-knowledge').addEventListener('click', () => showView(element('knowledge-view').hidden));
  element('refresh-gaps').addEventListener('click', () => void showGaps());
  element<HTMLFormElement>('explain').addEventListener('submit', (event) => {
    event.preventDefault();
    const question = element<HTMLInputElement>('explain-question').value.trim();
    if (question !== '') void explain(question);
  });
  element('export').addEventListener('click', () => {
    element('yaml').textContent = exportYaml();
    element<HTMLDialogElement>('yaml-dialog').showModal();
  });
}

void start();
