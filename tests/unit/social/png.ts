/** Reads a PNG's signature and IHDR chunk: the image size without decoding any pixels. */
export interface PngSize {
  readonly width: number;
  readonly height: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG header; throws saying what is wrong with anything else. */
export function pngSize(bytes: Uint8Array, name = 'image'): PngSize {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b))
    throw new Error(`${name}: not a PNG (bad signature)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk !== 'IHDR') throw new Error(`${name}: first chunk is ${chunk}, not IHDR`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
