/** Numbers in the page's language: counts, shares and probabilities at the precision each view asks for. */
import { describe, expect, it } from 'vitest';
import { count, estimate, percent, probability } from '../../../src/islands/numbers';

describe('numbers', () => {
  it('groups whole numbers and gives shares two decimals', () => {
    expect(count('en', 12345)).toBe('12,345');
    expect(count('ko', 12345)).toBe('12,345');
    expect(percent('en', 0.49871)).toBe('49.87%');
  });

  it('gives a probability the decimals its view asks for', () => {
    // The lesson's exact probability, beside two-decimal percentages.
    expect(probability('en', 0.5, { min: 4, max: 4 })).toBe('0.5000');
    expect(probability('en', 1 / 3, { min: 4, max: 4 })).toBe('0.3333');
    // The trace page's outcome table: short when exact, six decimals when not.
    expect(probability('en', 0.5, { min: 1, max: 6 })).toBe('0.5');
    expect(probability('en', 1 / 3, { min: 1, max: 6 })).toBe('0.333333');
    expect(probability('en', 0.001, { min: 1, max: 6 })).toBe('0.001');
    expect(probability('en', 0, { min: 1, max: 6 })).toBe('0.0');
  });

  it('writes huge estimates in scientific form', () => {
    expect(estimate('en', 1.234e15)).toBe('1.2e+15');
    expect(estimate('en', 1234.4)).toBe('1,234');
  });
});
