import { readFile } from "node:fs/promises";

/** What the CLI touches outside itself, so tests run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  readStdin: () => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
}

export const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // Bytes first, decoded at once: `readFile(p, "utf8")` decodes chunk by chunk into a string of
  // pieces that the parser's first look then copies whole (~2 ms of an hour-long call's 0.7 MB).
  readFile: async (p) => (await readFile(p)).toString("utf8"),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString("utf8");
  },
  env: process.env,
};

/** Bad command-line usage: exit status 2, message plus a hint to --help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
