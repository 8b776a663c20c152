import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { decodeWav, type Pcm16 } from '../audio/pcm';
import type { SynthesisJob, SynthesisReply } from './espeak-protocol';

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
  resolve: (pcm: Pcm16) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * espeak-ng (WASM, GPL-3.0: a local-only dependency) in one worker thread, so a synthesis never blocks the
 * local stack's event loop. The worker starts on first use and is replaced if it dies; its TypeScript is
 * loaded through tsx, which the local stack already runs under.
 */
export class EspeakSynthesizer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingJob>();

  speak(request: SpeakRequest): Promise<Pcm16> {
    const job: SynthesisJob = {
      id: this.nextId++,
      text: request.text,
      ssml: request.ssml,
      voice: request.voice,
      wordsPerMinute: request.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE,
    };
    return new Promise<Pcm16>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(job.id);
        reject(new SpeechEngineError(`espeak-ng took longer than ${JOB_TIMEOUT_MS} ms`));
        void this.restart();
      }, JOB_TIMEOUT_MS);
      this.pending.set(job.id, { resolve, reject, timer });
      this.ensureWorker().postMessage(job);
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
    worker.on('message', (reply: SynthesisReply) => this.settle(reply));
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

  private settle(reply: SynthesisReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    clearTimeout(job.timer);
    if ('error' in reply) job.reject(new SpeechEngineError(reply.error));
    else {
      try {
        job.resolve(decodeWav(reply.wav));
      } catch (error) {
        job.reject(new SpeechEngineError(`espeak-ng wrote unreadable audio: ${String(error)}`));
      }
    }
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
