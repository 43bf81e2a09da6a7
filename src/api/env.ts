import type { Actor } from "../auth/actor.js";
import type { Services } from "../services.js";
import type { FailureLimiter } from "./rate-limiter.js";

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
    actor: Actor;
    /** The client's address when the runtime knows it (connection, cf-connecting-ip, trusted proxy). */
    clientAddress: string | undefined;
    /** Failed authentications per client address (one per app). */
    authFailures: FailureLimiter | undefined;
    /** A JSON request body, read and checked once (src/api/json-bodies.ts); unset for other bodies. */
    jsonBody: { value: unknown; bytes: number } | undefined;
    /**
     * A JSON body over INLINE_JSON_MAX_BYTES for a route that reads it on the CPU pool, unread
     * (then `jsonBody` is unset).
     */
    largeJsonBody: Uint8Array | undefined;
  };
}
