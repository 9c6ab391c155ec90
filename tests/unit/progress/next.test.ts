import { describe, expect, it } from 'vitest';
import { emptyProgress, untouched, type ChallengeProgress, type Progress } from '../../../src/stores/progress/data';
import { isSolved, nextUnsolved } from '../../../src/stores/progress/next';

const order = ['bounce', 'source-ip', 'sticky', 'hairpin', 'dead-end'];

function withEntries(entries: Record<string, Partial<ChallengeProgress>>): Progress {
  const challenges = Object.fromEntries(Object.entries(entries).map(([slug, e]) => [slug, { ...untouched, ...e }]));
  return { challenges, seen: {} };
}

describe('the next challenge for a reader', () => {
  it('is the first one for a reader with no progress', () => {
    expect(nextUnsolved(emptyProgress, order)).toBe('bounce');
  });

  it('skips challenges a graded run found right, in the site’s order', () => {
    const progress = withEntries({
      bounce: { best: { total: 1000, right: true } },
      'source-ip': { best: { total: 1000, right: true } },
    });
    expect(nextUnsolved(progress, order)).toBe('sticky');
  });

  it('does not skip a challenge answered only wrongly, or only opened for hints', () => {
    const progress = withEntries({
      bounce: { first: { answer: 'a', right: false }, best: { total: 1000, right: false } },
      'source-ip': { hints: 2 },
    });
    expect(isSolved(progress, 'bounce')).toBe(false);
    expect(nextUnsolved(progress, order)).toBe('bounce');
  });

  it('counts a wrong first answer later run right as solved', () => {
    const progress = withEntries({
      bounce: { first: { answer: 'a', right: false }, best: { total: 1000, right: true } },
    });
    expect(nextUnsolved(progress, order)).toBe('source-ip');
  });

  it('is undefined once every challenge is solved', () => {
    const all = Object.fromEntries(order.map((slug) => [slug, { best: { total: 1000, right: true } }]));
    expect(nextUnsolved(withEntries(all), order)).toBeUndefined();
  });
});
