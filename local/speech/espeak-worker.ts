import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { SynthesisJob, SynthesisReply } from './espeak-protocol';

/*
 * Runs in a worker thread, outside any test runner's module loader: espeak-ng ships as an ES module with a
 * WASM binary, which plain Node can import but jest cannot. Each job runs espeak-ng's command line once (the
 * Emscripten build exits after main), on a WASM module compiled once for the worker's life.
 */

const OUTPUT_FILE = '/tmp/parley-speech.wav';

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

const port = parentPort;
if (!port) throw new Error('espeak-worker must run in a worker thread');
const engine = loadEngine();
port.on('message', (job: SynthesisJob) => {
  engine
    .then((synthesize) => synthesize(job))
    .then((wav) => {
      const reply: SynthesisReply = { id: job.id, wav };
      port.postMessage(reply, [wav.buffer as ArrayBuffer]);
    })
    .catch((error: unknown) => {
      const reply: SynthesisReply = {
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    });
});
