/**
 * The layer rules of docs/architecture.md, enforced: the pure folders import no I/O, each pure
 * layer imports only the layers below it, and the coaching rules and the LLM engine do not import
 * each other both ways. Every import of every source file is read (static, `export … from`,
 * side-effect and dynamic `import("…")`, type-only included: a type from the database layer
 * couples the layer as much as a value does).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

/**
 * The pure layers, lowest first, with what each may import: its own folder, the layers listed
 * before it, `src/errors.ts` and `src/hidden-slot.ts`, and the npm packages named. Nothing else —
 * no database, Drizzle, node:*, services, config, OpenAI, HTTP.
 */
const PURE_LAYERS: ReadonlyArray<{ folder: string; packages: readonly string[] }> = [
  { folder: "src/text", packages: [] },
  { folder: "src/transcript", packages: ["zod"] },
  { folder: "src/analysis", packages: ["zod"] },
  { folder: "src/coaching", packages: ["zod", "yaml"] },
];
const SHARED_PURE_FILES = ["src/errors.ts", "src/hidden-slot.ts"];

/** Source files under `dir` (tests excluded: they may read fixtures from disk). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/**
 * Every module specifier `text` imports or re-exports, comments stripped.
 * @example importsOf('import { x } from "./a.js";\nexport * from "zod";') // ["./a.js", "zod"]
 */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return Array.from(code.matchAll(IMPORT_RE), (m) => (m[1] ?? m[2])!);
}

/** A specifier as a repository path ("src/analysis/result.ts") or a package name ("zod", "node:fs"). */
function target(file: string, spec: string): string {
  if (!spec.startsWith(".")) {
    const parts = spec.split("/");
    return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  }
  return relative(ROOT, resolve(dirname(file), spec)).replace(/\.js$/, ".ts");
}

const inFolder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The imports in `text` (the source of `file`) that break the rule of pure layer `layerIndex`. */
function violations(file: string, text: string, layerIndex: number): string[] {
  const layer = PURE_LAYERS[layerIndex]!;
  const allowedFolders = PURE_LAYERS.slice(0, layerIndex + 1).map((l) => l.folder);
  return importsOf(text)
    .filter((spec) => {
      const to = target(file, spec);
      return spec.startsWith(".")
        ? !(SHARED_PURE_FILES.includes(to) || allowedFolders.some((f) => inFolder(to, f)))
        : !layer.packages.includes(to);
    })
    .map((spec) => `${relative(ROOT, file)} → ${spec}`);
}

describe("layers", () => {
  it("reads every form of import", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "../b.js";',
      'import * as c from "drizzle-orm";',
      'import "./side-effect.js";',
      'export { d } from "./d.js";',
      'export * from "node:fs";',
      'const e = await import("openai");',
      '// import { f } from "./commented.js";',
      "/* import { g } from './block.js'; */",
      'const url = "https://example.com/x";',
    ].join("\n");
    expect(importsOf(text)).toEqual([
      "./a.js",
      "../b.js",
      "drizzle-orm",
      "./side-effect.js",
      "./d.js",
      "node:fs",
      "openai",
    ]);
  });

  it.each(PURE_LAYERS.map((l, i) => [l.folder, i] as const))(
    "%s imports only the layers below it and no I/O",
    (folder, i) => {
      const files = sourceFiles(join(ROOT, folder));
      expect(files.length).toBeGreaterThan(0);
      expect(files.flatMap((file) => violations(file, readFileSync(file, "utf8"), i))).toEqual([]);
    },
  );

  it.each(SHARED_PURE_FILES)("%s, which every pure layer may import, imports nothing", (file) => {
    expect(importsOf(readFileSync(join(ROOT, file), "utf8"))).toEqual([]);
  });

  it("flags a forbidden import (the check can fail)", () => {
    // A pure analysis file that reached for the database and the file system would be caught.
    const probe = join(SRC, "analysis", "probe.ts");
    const source = [
      'import { x } from "../db/database.js";',
      'import { readFileSync } from "node:fs";',
      'import { y } from "../coaching/rules.js";',
      'import { z } from "zod";',
      'import type { Utterance } from "../transcript/model.js";',
    ].join("\n");
    expect(violations(probe, source, 2)).toEqual([
      "src/analysis/probe.ts → ../db/database.js",
      "src/analysis/probe.ts → node:fs",
      "src/analysis/probe.ts → ../coaching/rules.js",
    ]);
  });

  it("the coaching rules never import the LLM engine, so the two cannot import each other", () => {
    const back = sourceFiles(join(SRC, "coaching")).flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .filter((spec) => inFolder(target(file, spec), "src/ai"))
        .map((spec) => `${relative(ROOT, file)} → ${spec}`),
    );
    expect(back).toEqual([]);
  });
});
