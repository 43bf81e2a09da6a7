// Part of `npm run build` (so `npm ci` runs it through `prepare`), after tsc: replaces the compiled
// modules of the pure CLI commands (analyze, schema-command) in dist/src/cli/ by one self-contained file
// each, bundled by esbuild with zod and yaml inside. Loading ~150 small modules (zod alone is ~95,
// with every locale) cost more than the analysis of a short call; one file per command starts in
// a fraction of that. See bench/cli-start.ts and docs/benchmarks.md.
//
// Rules that keep the bundles interchangeable with tsc's output:
// - src/errors.ts and src/cli/io.ts stay outside the bundles (imported from dist/src as before),
//   so `instanceof DebriefError` / `UsageError` in main.ts holds for errors thrown in a bundle.
// - Only commands that use no database, server or SDK are bundled; every other command module
//   (admin, serve, …) is tsc's output as is. Add a pure command here to bundle it too.
// Without esbuild (a production install without devDependencies) tsc's output is left as is:
// the CLI works the same, only starts slower.
import { rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const BUNDLED_COMMANDS = ["analyze", "schema-command"];
const SHARED = ["src/errors.ts", "src/cli/io.ts"];

const root = resolve(import.meta.dirname, "..");
const srcDir = join(root, "src", "cli");
const outDir = join(root, "dist", "src", "cli");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.warn("bundle-cli: esbuild is not installed; keeping the unbundled CLI modules");
  process.exit(0);
}

const shared = new Set(SHARED.map((f) => join(root, f)));
/**
 * Imports of the shared modules, and `import()`s (what the code loads only when needed, such as the
 * OpenAI engine), stay imports of tsc's compiled file: a bundle holds what every run executes.
 */
const keepShared = {
  name: "keep-shared-modules",
  setup(build) {
    build.onResolve({ filter: /\.js$/ }, (args) => {
      if (args.kind === "entry-point" || !args.path.startsWith(".")) return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
      if (!shared.has(target) && args.kind !== "dynamic-import") return undefined;
      const path = relative(srcDir, target).replace(/\.ts$/, ".js");
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

/**
 * zod re-exports its ~50 message locales as `z.locales`, which keeps them all in a bundle; Debrief
 * uses only the default (English) messages, which zod's core imports from locales/en.js directly.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";\n',
      loader: "js",
    }));
  },
};

for (const name of BUNDLED_COMMANDS) {
  const outfile = join(outDir, `${name}.js`);
  rmSync(`${outfile}.map`, { force: true }); // tsc's map describes the file being replaced
  const result = await esbuild.build({
    entryPoints: [join(srcDir, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    allowOverwrite: true,
    sourcemap: true,
    legalComments: "none",
    // Less text for V8 to read and compile at every start; names stay (error classes, stacks).
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    logLevel: "warning",
    plugins: [keepShared, zodEnglishOnly],
    metafile: process.argv.includes("--meta"),
    // CommonJS dependencies (yaml) call require() for Node built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
    },
  });
  if (result.metafile) console.log(await esbuild.analyzeMetafile(result.metafile));
}
console.log(
  `bundle-cli: ${BUNDLED_COMMANDS.map((n) => relative(root, join(dirname(outDir), "cli", `${n}.js`))).join(", ")}`,
);
