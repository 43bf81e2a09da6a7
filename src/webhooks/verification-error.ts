import { DebriefError } from "../errors.js";

/** Why an inbound webhook was refused; logged and counted, never shown with the secret. */
export type VerificationFailure =
  | "missing_header"
  | "bad_timestamp"
  | "stale"
  | "future"
  | "bad_signature"
  | "wrong_account"
  | "bad_secret";

/**
 * An inbound webhook whose authenticity could not be established: answered 401 before its body is
 * parsed. The message says what was wrong (missing header, stale timestamp, no matching signature)
 * but never echoes the expected signature or the secret.
 *
 * @example
 * throw new WebhookVerificationError("stale", "webhook-timestamp is 412 s old (tolerance 300 s)");
 */
export class WebhookVerificationError extends DebriefError {
  override readonly name = "WebhookVerificationError";
  constructor(
    readonly reason: VerificationFailure,
    message: string,
  ) {
    super("auth.unauthorized", message, { details: { reason } });
  }
}

/**
 * Check a timestamp against a tolerance window around `now`; throws when outside it.
 *
 * @example
 * assertFresh(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:04:00Z"), 300, "webhook-timestamp"); // ok
 */
export function assertFresh(at: Date, now: Date, toleranceSec: number, header: string): void {
  const skewSec = (now.getTime() - at.getTime()) / 1000;
  if (skewSec > toleranceSec) {
    throw new WebhookVerificationError(
      "stale",
      `${header} is ${Math.round(skewSec)} s old (tolerance ${toleranceSec} s); replayed or delayed request`,
    );
  }
  if (-skewSec > toleranceSec) {
    throw new WebhookVerificationError(
      "future",
      `${header} is ${Math.round(-skewSec)} s in the future (tolerance ${toleranceSec} s); check the sender's clock`,
    );
  }
}
