/** Fresh seeds for "run again". The engine never draws its own randomness; the page does. */

/** A random 32-bit unsigned seed from the platform's CSPRNG. */
export function newSeed(): number {
  const words = new Uint32Array(1);
  globalThis.crypto.getRandomValues(words);
  return words[0] ?? 0;
}
