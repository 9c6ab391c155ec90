import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeRun, type ClaimOption } from '@/engine/quiz/grade';

// The bounce challenge's four claims, as the lesson frontmatter states them.
const options: ClaimOption[] = [
  { id: 'a', claim: { kind: 'share', value: 1 } },
  { id: 'b', claim: { kind: 'share', value: 0.5 } },
  { id: 'c', claim: { kind: 'share', value: 1 / 3 } },
  { id: 'd', claim: { kind: 'none' } },
];

describe('gradeRun on synthetic counts', () => {
  it('ETP Local: every connection reaches pod 2 → a', () => {
    expect(gradeRun(options, { hits: 1000, trials: 1000 }).verdict).toEqual({ kind: 'decided', correct: 'a' });
  });
  it('ETP Cluster: about half → b', () => {
    expect(gradeRun(options, { hits: 507, trials: 1000 }).verdict).toEqual({ kind: 'decided', correct: 'b' });
  });
  it('three pods spread evenly → c', () => {
    expect(gradeRun(options, { hits: 3341, trials: 10000 }).verdict).toEqual({ kind: 'decided', correct: 'c' });
  });
  it('a mis-configured cluster where nothing arrives → d', () => {
    expect(gradeRun(options, { hits: 0, trials: 1000 }).verdict).toEqual({ kind: 'decided', correct: 'd' });
  });
  it('a share no option names (e.g. 25%) → d', () => {
    expect(gradeRun(options, { hits: 2500, trials: 10000 }).verdict).toEqual({ kind: 'decided', correct: 'd' });
  });
  it('999 of 1000 is not "always"', () => {
    expect(gradeRun(options, { hits: 999, trials: 1000 }).supported).not.toContain('a');
  });
  it('too few connections to separate 50% from 33% → inconclusive', () => {
    const g = gradeRun(options, { hits: 4, trials: 10 });
    expect(g.verdict.kind).toBe('inconclusive');
    expect(g.supported).toEqual(['b', 'c']);
  });
  it('refuses an empty run', () => {
    expect(() => gradeRun(options, { hits: 0, trials: 0 })).toThrow(/no connections/);
  });
  it('with enough connections a true 50% or 33% share is graded correctly (binomial draws)', () => {
    // Draw counts near the true share: within 3 standard deviations the 99.9% interval holds it.
    fc.assert(
      fc.property(
        fc.constantFrom(0.5, 1 / 3),
        fc.integer({ min: 1000, max: 100000 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (p, n, z) => {
          const hits = Math.round(n * p + z * Math.sqrt(n * p * (1 - p)));
          const g = gradeRun(options, { hits, trials: n });
          return g.verdict.kind === 'decided' && g.verdict.correct === (p === 0.5 ? 'b' : 'c');
        },
      ),
    );
  });
});
