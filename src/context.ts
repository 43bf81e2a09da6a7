import type { Actor } from "./auth/actor.js";
import type { Services } from "./services.js";

/**
 * What every operation (calls, admin, playbooks…) runs with: the services and who is acting.
 * The HTTP layer builds it from the request; the CLI as an operator-admin; jobs as the system.
 *
 * @example
 * await createUser({ services, actor }, { email: "sam@acme.test", name: "Sam", role: "rep" });
 */
export interface OperationCtx {
  services: Services;
  actor: Actor;
}
