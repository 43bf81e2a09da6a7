import { loadConfig } from "../config/env.js";
import { startNodeServer } from "../entry/node.js";
import type { CliIO } from "./io.js";

/** `debrief serve`: run the API server and the job workers until SIGINT/SIGTERM. */
export async function serveCommand(io: CliIO): Promise<number> {
  const config = loadConfig(io.env);
  const server = await startNodeServer(config, (line) => io.stdout(`${line}\n`));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  io.stdout("shutting down…\n");
  await server.stop();
  return 0;
}
