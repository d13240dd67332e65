/** @module @jixiao/core — the pure domain core shared by the CLI, the server and the browser. */
export * from './decimal/index.js';
export * from './model/index.js';
