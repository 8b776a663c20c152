import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { decodeWav, type Pcm16 } from '../audio/pcm';
import type { Mp3EncodingJob, SpeechJob, SpeechReply, SynthesisJob } from './espeak-protocol';

export interface SpeakRequest {
  text: string;
  ssml: boolean;
  voice: string;
  /** espeak-ng's default is 175; Polly's voices speak closer to 160. */
  wordsPerMinute?: number;
}

const DEFAULT_WORDS_PER_MINUTE = 160;
/** A long answer takes espeak a second or two on this class of machine; far beyond that the worker is stuck. */
const JOB_TIMEOUT_MS = 30_000;

export class SpeechEngineError extends Error {
  override readonly name = 'SpeechEngineError';
}

interface PendingJob {
  settle: (reply: SpeechReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Bit rates valid at every sample rate Polly offers: MPEG-1, 2 and 2.5 Layer III all have 32, 48 and 64. */
export type Mp3BitrateKbps = 32 | 48 | 64;

/**
 * espeak-ng (WASM, GPL-3.0: a local-only dependency) in one worker thread, so a synthesis never blocks the
 * local stack's event loop. The worker starts on first use and is replaced if it dies; its TypeScript is
 * loaded through tsx, which the local stack already runs under. The same worker encodes MP3 (lamejs), which
 * jest's module loader cannot load either.
 */
export class EspeakSynthesizer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingJob>();

  speak(request: SpeakRequest): Promise<Pcm16> {
    const job: SynthesisJob = {
      kind: 'synthesize',
      id: this.nextId++,
      text: request.text,
      ssml: request.ssml,
      voice: request.voice,
      wordsPerMinute: request.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE,
    };
    return this.submit(job, (reply) => {
      if (!('wav' in reply))
        throw new SpeechEngineError('the speech worker answered a synthesis without audio');
      try {
        return decodeWav(reply.wav);
      } catch (error) {
        throw new SpeechEngineError(`espeak-ng wrote unreadable audio: ${String(error)}`);
      }
    });
  }

  /** Constant bit rate MP3 (MPEG-1, 2 or 2.5 Layer III by sample rate), one channel. */
  encodeMp3(pcm: Pcm16, bitrateKbps: Mp3BitrateKbps): Promise<Uint8Array> {
    const job: Mp3EncodingJob = {
      kind: 'encode-mp3',
      id: this.nextId++,
      samples: pcm.samples,
      sampleRate: pcm.sampleRate,
      bitrateKbps,
    };
    return this.submit(job, (reply) => {
      if (!('mp3' in reply))
        throw new SpeechEngineError('the speech worker answered an encoding without MP3');
      return reply.mp3;
    });
  }

  async close(): Promise<void> {
    this.failAll(new SpeechEngineError('the speech engine was closed'));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'espeak-worker.ts'), {
      execArgv: ['--require', require.resolve('tsx/cjs')],
    });
    worker.unref();
    worker.on('message', (reply: SpeechReply) => this.settle(reply));
    worker.on('error', (error) =>
      this.failAll(new SpeechEngineError(`espeak-ng worker failed: ${error.message}`)),
    );
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new SpeechEngineError('espeak-ng worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private submit<T>(job: SpeechJob, read: (reply: SpeechReply) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(job.id);
        reject(new SpeechEngineError(`the speech worker took longer than ${JOB_TIMEOUT_MS} ms`));
        void this.restart();
      }, JOB_TIMEOUT_MS);
      const settle = (reply: SpeechReply): void => {
        if ('error' in reply) {
          reject(new SpeechEngineError(reply.error));
          return;
        }
        try {
          resolve(read(reply));
        } catch (error) {
          reject(error instanceof Error ? error : new SpeechEngineError(String(error)));
        }
      };
      this.pending.set(job.id, { settle, reject, timer });
      this.ensureWorker().postMessage(job);
    });
  }

  private settle(reply: SpeechReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    clearTimeout(job.timer);
    job.settle(reply);
  }

  private failAll(error: Error): void {
    for (const [id, job] of this.pending) {
      clearTimeout(job.timer);
      job.reject(error);
      this.pending.delete(id);
    }
  }

  private async restart(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
