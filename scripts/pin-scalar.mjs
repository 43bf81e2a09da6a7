// Pin the /docs UI to a version of @scalar/api-reference: fetches the package from the npm registry
// (npm pack), hashes dist/browser/standalone.js and rewrites SCALAR in src/api/docs-page.ts.
// Usage: node scripts/pin-scalar.mjs 1.76.0
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  process.stderr.write("usage: node scripts/pin-scalar.mjs <exact version, e.g. 1.76.0>\n");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "scalar-"));
try {
  const tgz = execFileSync("npm", ["pack", `@scalar/api-reference@${version}`, "--silent"], { cwd: dir })
    .toString()
    .trim()
    .split("\n")
    .pop();
  execFileSync("tar", ["xzf", tgz, "package/dist/browser/standalone.js"], { cwd: dir });
  const bytes = readFileSync(join(dir, "package/dist/browser/standalone.js"));
  const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const file = new URL("../src/api/docs-page.ts", import.meta.url);
  const text = readFileSync(file, "utf8")
    .replace(/version: "[^"]+"/, `version: "${version}"`)
    .replace(/integrity: "sha384-[^"]+"/, `integrity: "${integrity}"`);
  writeFileSync(file, text);
  process.stdout.write(`pinned @scalar/api-reference@${version} ${integrity}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
