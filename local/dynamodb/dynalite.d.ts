// dynalite 4 ships no type declarations; this covers the part Parley uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** LevelDB directory; in memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }

  /** An http.Server whose close() also closes the LevelDB store (after the server itself closed cleanly). */
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
