// Node runs WebAssembly, but TypeScript declares it only in its DOM library, which a server does
// not load. These are the parts pglite-worker.ts uses.
declare namespace WebAssembly {
  /** A compiled module: opaque here, it is only handed to PGlite. */
  class Module {
    private constructor();
  }
  function compile(bytes: Uint8Array): Promise<Module>;
}
