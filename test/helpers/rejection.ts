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
