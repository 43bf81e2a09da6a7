import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker thread running `file`: the built JavaScript as is, or TypeScript sources (vitest, tsx)
 * through tsx's loader, registered in the thread before the file loads.
 *
 * @example
 * const w = startThread(new URL("./worker.js", import.meta.url), { options });
 */
export function startThread(file: URL, workerData?: unknown): Worker {
  if (!file.pathname.endsWith(".ts")) return new Worker(file, { workerData });
  const code = `import(${JSON.stringify(tsxApi())}).then((m) => { m.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/** tsx's ESM loader API (a dev dependency, present wherever TypeScript sources are run). */
function tsxApi(): string {
  // require.resolve gives the CommonJS build; its ESM twin sits beside it.
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  return pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
}
