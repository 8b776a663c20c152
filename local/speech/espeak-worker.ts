import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { Mp3EncodingJob, SpeechJob, SpeechReply, SynthesisJob } from './espeak-protocol';

/*
 * Runs in a worker thread, outside any test runner's module loader: espeak-ng ships as an ES module with a
 * WASM binary, which plain Node can import but jest cannot. Each job runs espeak-ng's command line once (the
 * Emscripten build exits after main), on a WASM module compiled once for the worker's life. The MP3 encoder
 * (lamejs, also an ES module) lives here for the same reason and loads on its first job.
 */

const OUTPUT_FILE = '/tmp/parley-speech.wav';
const MP3_INPUT_CHUNK = 10 * 1152;

async function loadEngine(): Promise<(job: SynthesisJob) => Promise<Uint8Array>> {
  const entry = require.resolve('espeak-ng');
  const { default: createEspeak } = await import('espeak-ng');
  const wasm = await WebAssembly.compile(readFileSync(entry.replace(/espeak-ng\.js$/, 'espeak-ng.wasm')));
  return async (job) => {
    const errors: string[] = [];
    const instance = await createEspeak({
      arguments: [
        ...(job.ssml ? ['-m'] : []),
        '-v',
        job.voice,
        '-s',
        String(job.wordsPerMinute),
        '-w',
        OUTPUT_FILE,
        // Ends the options: text such as "-5 degrees" would otherwise be read as a flag and speak nothing.
        '--',
        job.text,
      ],
      instantiateWasm(imports, ready) {
        void WebAssembly.instantiate(wasm, imports).then(ready);
        return {};
      },
      print: () => undefined,
      printErr: (line: string) => errors.push(line),
    });
    try {
      return instance.FS.readFile(OUTPUT_FILE);
    } catch {
      throw new Error(`espeak-ng wrote no audio${errors.length ? `: ${errors.join('; ')}` : ''}`);
    }
  };
}

async function encodeMp3(job: Mp3EncodingJob): Promise<Uint8Array> {
  const { Mp3Encoder } = await import('@breezystack/lamejs');
  const encoder = new Mp3Encoder(1, job.sampleRate, job.bitrateKbps);
  const encoded: ArrayBufferView[] = [];
  // Whole frames at a time (1152 samples each), as lamejs is meant to be fed, rather than one huge buffer.
  for (let start = 0; start < job.samples.length; start += MP3_INPUT_CHUNK) {
    encoded.push(encoder.encodeBuffer(job.samples.subarray(start, start + MP3_INPUT_CHUNK)));
  }
  encoded.push(encoder.flush());
  // lamejs hands back Int8Array views (its types say Uint8Array); the bytes are what matter.
  const chunks = encoded.map((chunk) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  const mp3 = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    mp3.set(chunk, offset);
    offset += chunk.length;
  }
  return mp3;
}

const port = parentPort;
if (!port) throw new Error('espeak-worker must run in a worker thread');
const engine = loadEngine();

async function run(job: SpeechJob): Promise<SpeechReply> {
  if (job.kind === 'encode-mp3') return { id: job.id, mp3: await encodeMp3(job) };
  const synthesize = await engine;
  return { id: job.id, wav: await synthesize(job) };
}

port.on('message', (job: SpeechJob) => {
  run(job)
    .then((reply) => {
      const bytes = 'wav' in reply ? reply.wav : 'mp3' in reply ? reply.mp3 : undefined;
      port.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
    })
    .catch((error: unknown) => {
      const reply: SpeechReply = {
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    });
});
