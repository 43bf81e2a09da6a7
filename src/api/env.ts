import type { Actor } from "../auth/actor.js";
import type { Services } from "../services.js";

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
    actor: Actor;
  };
}
