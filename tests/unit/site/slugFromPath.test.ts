import { describe, expect, it } from 'vitest';
import { lessonSlugFromPath } from '../../../src/lessons/slugFromPath';

describe('lessonSlugFromPath', () => {
  it('reads the slug of a challenge page in either language', () => {
    expect(lessonSlugFromPath('/en/challenges/bounce/')).toBe('bounce');
    expect(lessonSlugFromPath('/ko/challenges/extra-hop')).toBe('extra-hop');
  });

  it('names the path that is not a challenge page', () => {
    expect(() => lessonSlugFromPath('/en/challenges/')).toThrow(/"\/en\/challenges\/"/);
    expect(() => lessonSlugFromPath('/en/challenges/bounce/share/')).toThrow(/share/);
  });
});
