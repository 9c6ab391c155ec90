import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, normalizeSeed, samplingChooser } from '@/engine/random/rng';
import { enumerate, EnumerationLimitError } from '@/engine/random/exact';
import { chiSquareGoodnessOfFit } from '@/engine/stats/chisquare';

describe('createRng', () => {
  it('replays the same stream from the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) if (a.next() !== b.next()) return false;
        return true;
      }),
    );
  });
  it('gives different streams for neighbouring seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
  it('stays in [0, 1) and is uniform over 20 bins', () => {
    const rng = createRng(7);
    const bins = new Array<number>(20).fill(0);
    let outside = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 20)]! += 1;
    }
    expect(outside).toBe(0);
    expect(chiSquareGoodnessOfFit(bins, new Array<number>(20).fill(1 / 20)).pValue).toBeGreaterThan(0.001);
  });
  it('records its first outputs for seed 1 (non-regression)', () => {
    const rng = createRng(1);
    const first = Array.from({ length: 4 }, () => Math.floor(rng.next() * 1e6));
    expect(first).toMatchInlineSnapshot(`
      [
        184526,
        748632,
        37306,
        267997,
      ]
    `);
  });
});

describe('normalizeSeed', () => {
  it('keeps 32-bit integers and hashes text', () => {
    expect(normalizeSeed(42)).toBe(42);
    expect(normalizeSeed(-1)).toBe(0xffffffff);
    expect(normalizeSeed('abc')).toBe(normalizeSeed('abc'));
    expect(normalizeSeed('abc')).not.toBe(normalizeSeed('abd'));
  });
});

describe('samplingChooser', () => {
  it('uniform(n) stays in range', () => {
    const c = samplingChooser(createRng(3));
    for (let i = 0; i < 1000; i++) {
      const v = c.uniform(3);
      expect(v === 0 || v === 1 || v === 2).toBe(true);
    }
  });
});

describe('enumerate', () => {
  it('turns an iptables-style cascade into equal thirds', () => {
    const out = enumerate((c) => (c.bernoulli(1 / 3) ? 'a' : c.bernoulli(1 / 2) ? 'b' : 'c'));
    expect(out.map((o) => o.value)).toEqual(['a', 'b', 'c']);
    for (const o of out) expect(o.probability).toBeCloseTo(1 / 3, 12);
  });
  it('explores nested uniform and bernoulli branches; probabilities sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 4 })), {
          maxLength: 5,
        }),
        (plan) => {
          const out = enumerate((c) =>
            plan
              .map((step) => (Number.isInteger(step) && step >= 1 ? c.uniform(step) : c.bernoulli(step) ? 1 : 0))
              .join(),
          );
          const total = out.reduce((s, o) => s + o.probability, 0);
          return Math.abs(total - 1) < 1e-9;
        },
      ),
    );
  });
  it('agrees with sampling of the same walk', () => {
    const walk = (c: { bernoulli(p: number): boolean }): string => (c.bernoulli(0.25) ? 'x' : 'y');
    const exact = enumerate(walk);
    const chooser = samplingChooser(createRng(11));
    let x = 0;
    for (let i = 0; i < 100_000; i++) if (walk(chooser) === 'x') x++;
    const px = exact.find((o) => o.value === 'x')!.probability;
    expect(chiSquareGoodnessOfFit([x, 100_000 - x], [px, 1 - px]).pValue).toBeGreaterThan(0.001);
  });
  it('stops a walk that decides without end', () => {
    expect(() =>
      enumerate(
        (c) => {
          let n = 0;
          while (c.bernoulli(0.5)) n++;
          return n;
        },
        50,
        100,
      ),
    ).toThrow(/loop/);
  });
  it('stops when there are too many outcomes', () => {
    expect(() => enumerate((c) => c.uniform(10) * 10 + c.uniform(10), 50)).toThrow(EnumerationLimitError);
  });
});
