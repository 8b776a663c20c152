/** The slice of the espeak-ng Emscripten build (ESM, no bundled types) that local/speech uses. */
declare module 'espeak-ng' {
  /** The compiled WASM module, opaque here: it is only handed back to WebAssembly.instantiate. */
  export type WasmModule = object;
  export type WasmInstance = object;

  export interface EspeakOptions {
    /** espeak-ng's command line, without the program name; main() runs once with it. */
    arguments: string[];
    instantiateWasm?: (
      imports: object,
      ready: (instance: WasmInstance, module?: WasmModule) => void,
    ) => object;
    print?: (line: string) => void;
    printErr?: (line: string) => void;
  }

  export interface EspeakInstance {
    FS: { readFile(path: string): Uint8Array };
  }

  const createEspeak: (options: EspeakOptions) => Promise<EspeakInstance>;
  export default createEspeak;
}

/** Node 20 has the WebAssembly global; the ES libraries this project compiles against do not declare it. */
declare namespace WebAssembly {
  function compile(bytes: Uint8Array): Promise<import('espeak-ng').WasmModule>;
  function instantiate(
    module: import('espeak-ng').WasmModule,
    imports: object,
  ): Promise<import('espeak-ng').WasmInstance>;
}
