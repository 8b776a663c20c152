import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LoadedBot } from '../../bot-definitions/loader/load';
import { findLocale } from '../../bot-definitions/loader/load';
import { encodeWav, resample, type Pcm16 } from '../audio/pcm';
import type { ListeningContext, SpeechRecognizer, Transcript } from '../lex/http/speech';
import { readFaqQuestions } from './faq-questions';
import { buildGrammar } from './grammar';
import { GENERAL_RULE, listeningRules } from './listening-rules';
import { loadPronouncingDictionary } from './pronouncing-dictionary';

const run = promisify(execFile);

export const POCKETSPHINX_BINARY = 'pocketsphinx_batch';
export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
const INSTALL_HINT =
  'install it with: sudo apt-get install pocketsphinx pocketsphinx-en-us (text and DTMF input work without it)';

/**
 * Search settings found on espeak speech here (docs/voice.md): wide beams, so a grammar path is never pruned
 * into "no result"; a mild word insertion penalty, so short fillers do not replace the start of a sentence.
 */
const SEARCH = ['-beam', '1e-80', '-pbeam', '1e-80', '-wbeam', '1e-60', '-wip', '0.2'];
/** The recognizer's voice activity detection needs silence around speech; Connect audio always has some. */
const PADDING_SAMPLES = 4000;
/** Below this RMS level (16-bit) there is no speech to find: the caller said nothing. */
const SILENCE_RMS = 200;
const RUN_TIMEOUT_MS = 30_000;

export type AsrAvailability = { available: true } | { available: false; reason: string };

export class AsrUnavailableError extends Error {
  override readonly name = 'AsrUnavailableError';
}

/** Whether pocketsphinx and its US English model are installed; the reason and the fix when not. */
export function asrAvailability(
  binary: string = POCKETSPHINX_BINARY,
  modelDir: string = POCKETSPHINX_MODEL_DIR,
): AsrAvailability {
  if (!onPath(binary)) return { available: false, reason: `${binary} is not installed; ${INSTALL_HINT}` };
  const missing = ['en-us/mdef', 'cmudict-en-us.dict', 'en-us.lm.bin'].filter(
    (file) => !existsSync(path.join(modelDir, file)),
  );
  if (missing.length > 0) {
    return {
      available: false,
      reason: `the US English model is incomplete in ${modelDir} (missing ${missing.join(', ')}); ${INSTALL_HINT}`,
    };
  }
  return { available: true };
}

export interface PocketsphinxOptions {
  bots: readonly LoadedBot[];
  knowledgeDir: string;
  binary?: string;
  modelDir?: string;
}

interface CompiledGrammar {
  grammarFile: string;
  dictionaryFile: string;
  startRuleFor(context: ListeningContext): string;
}

/**
 * Offline speech recognition for the Lex emulator: Debian's pocketsphinx, constrained by a JSGF grammar
 * generated from the bot definition and the FAQ questions (local/asr/grammar.ts), with a start rule chosen by
 * what the dialog is waiting for. When the grammar finds nothing, the general US English language model gets a
 * try, so an unexpected sentence still comes through as words. One run at a time: it is CPU-bound and the
 * machine is small.
 */
export class PocketsphinxRecognizer implements SpeechRecognizer {
  private readonly binary: string;
  private readonly modelDir: string;
  private readonly grammars = new Map<string, Promise<CompiledGrammar>>();
  private workDir: Promise<string> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PocketsphinxOptions) {
    this.binary = options.binary ?? POCKETSPHINX_BINARY;
    this.modelDir = options.modelDir ?? POCKETSPHINX_MODEL_DIR;
  }

  /**
   * The words heard, without a confidence: pocketsphinx's scores are not calibrated probabilities, and a phone
   * loop likelihood ratio that separates clear 16 kHz speech from gibberish does not on 8 kHz telephone audio
   * (docs/voice.md). Local speech is therefore taken as certain, as Lex takes text.
   */
  async transcribe(audio: Pcm16, context: ListeningContext): Promise<Transcript> {
    return { text: await this.words(audio, context) };
  }

  private async words(audio: Pcm16, context: ListeningContext): Promise<string> {
    // The locale first: installing pocketsphinx would not help a Spanish caller, so that is not the advice.
    const { localeId } = context.key;
    if (!localeId.startsWith('en_')) {
      throw new AsrUnavailableError(
        `There is no offline acoustic model for ${localeId}: Debian ships pocketsphinx models for US English only. ` +
          `Use DTMF or text for ${localeId}.`,
      );
    }
    const availability = asrAvailability(this.binary, this.modelDir);
    if (!availability.available)
      throw new AsrUnavailableError(`Speech input needs pocketsphinx: ${availability.reason}`);
    const speech = resample(audio, 16_000);
    if (rms(speech.samples) < SILENCE_RMS) return '';
    const grammar = await this.grammarFor(context);
    return this.serialized(async () => {
      const heard = await this.decode(speech, [
        '-jsgf',
        grammar.grammarFile,
        '-toprule',
        `parley.${grammar.startRuleFor(context)}`,
        '-dict',
        grammar.dictionaryFile,
      ]);
      if (heard) return heard;
      return this.decode(speech, [
        '-lm',
        path.join(this.modelDir, 'en-us.lm.bin'),
        '-dict',
        path.join(this.modelDir, 'cmudict-en-us.dict'),
      ]);
    });
  }

  /** Removes the grammars and audio files written for this recognizer. */
  async close(): Promise<void> {
    const dir = await this.workDir;
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  private grammarFor(context: ListeningContext): Promise<CompiledGrammar> {
    const { botId, localeId } = context.key;
    const cacheKey = `${botId}/${localeId}`;
    let grammar = this.grammars.get(cacheKey);
    if (!grammar) {
      grammar = this.compile(botId, localeId);
      this.grammars.set(cacheKey, grammar);
      grammar.catch(() => this.grammars.delete(cacheKey));
    }
    return grammar;
  }

  private async compile(botId: string, localeId: string): Promise<CompiledGrammar> {
    const bot = this.options.bots.find(
      (candidate) => candidate.local.BotId === botId || candidate.definition.Name === botId,
    );
    const locale = bot ? findLocale(bot, localeId) : undefined;
    if (!bot || !locale)
      throw new AsrUnavailableError(`no bot ${botId} with locale ${localeId} to build a grammar for`);
    const dictionary = await loadPronouncingDictionary(path.join(this.modelDir, 'cmudict-en-us.dict'));
    const { questions } = await readFaqQuestions(this.options.knowledgeDir, localeId);
    const built = buildGrammar({ locale, faqQuestions: questions }, dictionary);
    const { jsgf, slotRules } = listeningRules(built.jsgf, locale);
    const dir = await this.ensureWorkDir();
    const base = path.join(dir, `${bot.local.BotId}-${localeId}`);
    await writeFile(`${base}.gram`, jsgf);
    await writeFile(`${base}.dict`, dictionary.subset(built.words));
    return {
      grammarFile: `${base}.gram`,
      dictionaryFile: `${base}.dict`,
      startRuleFor: ({ intentName, slotToElicit }) =>
        (intentName && slotToElicit && slotRules.get(`${intentName}/${slotToElicit}`)) || GENERAL_RULE,
    };
  }

  /** One pocketsphinx_batch run over one padded 16 kHz WAV; the hypothesis, or '' when it found none. */
  private async decode(speech: Pcm16, model: string[]): Promise<string> {
    const dir = await this.ensureWorkDir();
    const padding = new Int16Array(PADDING_SAMPLES);
    const padded = new Int16Array(speech.samples.length + 2 * PADDING_SAMPLES);
    padded.set(padding, 0);
    padded.set(speech.samples, PADDING_SAMPLES);
    await writeFile(path.join(dir, 'utterance.wav'), encodeWav({ samples: padded, sampleRate: 16_000 }));
    await writeFile(path.join(dir, 'utterance.ctl'), 'utterance\n');
    const hypothesisFile = path.join(dir, 'utterance.hyp');
    await rm(hypothesisFile, { force: true });
    await run(
      this.binary,
      [
        '-ctl',
        path.join(dir, 'utterance.ctl'),
        '-cepdir',
        dir,
        '-cepext',
        '.wav',
        '-adcin',
        'yes',
        '-adchdr',
        '44',
        '-hmm',
        path.join(this.modelDir, 'en-us'),
        ...model,
        ...SEARCH,
        '-hyp',
        hypothesisFile,
        '-logfn',
        '/dev/null',
      ],
      { timeout: RUN_TIMEOUT_MS },
    );
    const line = (await readFile(hypothesisFile, 'utf8').catch(() => '')).trim();
    return line.replace(/\s*\(utterance[^)]*\)$/, '').trim();
  }

  private ensureWorkDir(): Promise<string> {
    this.workDir ??= mkdtemp(path.join(os.tmpdir(), 'parley-asr-')).then(async (dir) => {
      await mkdir(dir, { recursive: true });
      return dir;
    });
    return this.workDir;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function onPath(binary: string): boolean {
  if (binary.includes('/')) return isExecutable(binary);
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && isExecutable(path.join(dir, binary)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}
