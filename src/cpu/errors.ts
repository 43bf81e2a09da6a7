import { DebriefError, type ErrorCode } from "../errors.js";

/** An error as it crosses a thread: a DebriefError keeps its code, message and details. */
export interface SerializedError {
  code?: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * An error as a plain object that survives a structured clone (a worker thread's reply).
 *
 * @example
 * serializeError(new DebriefError("validation_failed", "no")) // { code: "validation_failed", message: "no" }
 */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof DebriefError)
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  return { message: err instanceof Error ? err.message : String(err) };
}

/**
 * The error again on the receiving thread: a DebriefError (so the API maps it to the same problem
 * document as if it had been thrown here), or a plain Error (a 500).
 *
 * @example
 * deserializeError({ code: "validation_failed", message: "no" }) instanceof DebriefError // true
 */
export function deserializeError(e: SerializedError): Error {
  return e.code
    ? new DebriefError(e.code, e.message, e.details ? { details: e.details } : {})
    : new Error(e.message);
}

/**
 * A step of a CPU task whose failure is reported later, not thrown at once: a large JSON upload's
 * transcript is parsed and analysed in the same task that reads the body, but its refusal must
 * still come after the checks the event loop makes first (duplicate, rep, playbook), as when the
 * parse was a task of its own.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/** The errors themselves, for a settled failure read on the thread that settled it (inline). */
const thrown = new WeakMap<object, unknown>();

/**
 * `fn()`'s value, or its error made cloneable.
 *
 * @example
 * settle(() => JSON.parse("{")) // { ok: false, error: { message: "Unexpected end of JSON input" } }
 */
export function settle<T>(fn: () => T): Settled<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    const failed: Settled<T> = { ok: false, error: serializeError(err) };
    thrown.set(failed, err);
    return failed;
  }
}

/**
 * The settled value, or its error thrown here: the very error when settled on this thread, else
 * one made from its cloneable form.
 *
 * @example
 * unwrap({ ok: true, value: 1 }) // 1
 */
export function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw thrown.has(settled) ? thrown.get(settled) : deserializeError(settled.error);
}
