import { describe, expect, it } from 'vitest';
import { pngSize } from './png';

describe('pngSize (test helper)', () => {
  it('reads the IHDR size and refuses other bytes', () => {
    const header = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 4, 0xb0, 0, 0, 2, 0x76,
    ]);
    expect(pngSize(header)).toEqual({ width: 1200, height: 630 });
    expect(() => pngSize(new Uint8Array(30), 'x')).toThrow(/x: not a PNG/);
  });
});
