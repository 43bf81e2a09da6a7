import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running the module at `file`: the built JavaScript as is, or a TypeScript source
 * (vitest, tsx) through tsx's loader, registered in the thread first. Node only.
 *
 * @example
 * const w = spawnModuleWorker(new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url));
 */
export function spawnModuleWorker(file: URL, options: WorkerOptions = {}): Worker {
  if (!file.href.endsWith(".ts")) return new Worker(file, options);
  return new Worker(
    `import(${JSON.stringify(tsxApi())}).then((m) => { m.register(); return import(${JSON.stringify(file.href)}); });`,
    { ...options, eval: true },
  );
}

/** tsx's ESM loader API (a dev dependency, present wherever TypeScript sources are run). */
function tsxApi(): string {
  // require.resolve gives the CommonJS build; its ESM twin sits beside it.
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  return pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
}
