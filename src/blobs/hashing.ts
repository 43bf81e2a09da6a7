import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * Incremental SHA-256 and byte count while an upload streams through. Web Crypto has no incremental
 * digest; @noble/hashes is audited, pure JS, and runs on Node and Workers alike.
 *
 * @example
 * const h = hashingCounter(); h.update(chunk); await h.digest(); // hex
 */
export function hashingCounter(): {
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
  readonly size: number;
} {
  const hash = sha256.create();
  let total = 0;
  return {
    get size() {
      return total;
    },
    update(chunk: Uint8Array) {
      total += chunk.length;
      hash.update(chunk);
    },
    async digest() {
      return bytesToHex(hash.digest());
    },
  };
}
