import { describe, expect, it } from 'vitest';
import { neighbours } from '../../../src/lessons/neighbours';

const lessons = [{ slug: 'one' }, { slug: 'two' }, { slug: 'three' }];

describe('neighbours', () => {
  it('finds the challenges before and after', () => {
    expect(neighbours(lessons, 'two')).toEqual({ previous: { slug: 'one' }, next: { slug: 'three' } });
  });

  it('has no previous for the first and no next for the last', () => {
    expect(neighbours(lessons, 'one').previous).toBeUndefined();
    expect(neighbours(lessons, 'three').next).toBeUndefined();
    expect(neighbours([{ slug: 'only' }], 'only')).toEqual({ previous: undefined, next: undefined });
  });

  it('names the slug it could not find', () => {
    expect(() => neighbours(lessons, 'four')).toThrow(/"four" among one, two, three/);
  });
});
