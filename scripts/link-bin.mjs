// Links node_modules/.bin/debrief to this project's CLI, so `npx debrief …` runs the local build
// right after `npm install` (npx looks in node_modules/.bin before it looks at the registry).
import { chmodSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const binDir = join(root, "node_modules", ".bin");
mkdirSync(binDir, { recursive: true });
const link = join(binDir, "debrief");
rmSync(link, { force: true });
symlinkSync(join("..", "..", "bin", "debrief.js"), link);
chmodSync(join(root, "bin", "debrief.js"), 0o755);
