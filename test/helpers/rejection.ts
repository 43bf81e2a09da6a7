import { expect } from "vitest";

/**
 * The error a promise rejects with, asserted to be an instance of `type` (fails the test if the
 * promise resolves instead), so a test can go on to check the error's fields.
 *
 * @example
 * const e = await rejection(verifyWebhook(input), WebhookVerificationError);
 * expect(e.reason).toBe("stale");
 */
export async function rejection<E>(
  p: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const err = await p.then(
    () => {
      throw new Error(`expected a rejection with ${type.name}, but the promise resolved`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as E;
}

/**
 * The error a function throws, asserted to be an instance of `type` (fails the test if it returns).
 *
 * @example
 * const e = thrownBy(() => parsePipedriveEvent(body, conn), WebhookVerificationError);
 */
export function thrownBy<E>(fn: () => unknown, type: abstract new (...args: never[]) => E): E {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${type.name} to be thrown`).toBeInstanceOf(type);
  return err as E;
}
