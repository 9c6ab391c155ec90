import { describe, expect, it } from 'vitest';
import { CLEARANCE, clipAround, clippedPathData } from '../../../src/components/diagram/clip';

// A badge 100 wide and 20 high, centred on x = 50, y = 100.
const badge = { x: 0, y: 90, width: 100, height: 20 };

describe('clipAround', () => {
  it('stops a line heading into a badge at the badge’s edge, less the clearance', () => {
    const pieces = clipAround(
      [
        { x: 50, y: 0 },
        { x: 50, y: 100 },
      ],
      [badge],
    );
    expect(pieces).toEqual([
      [
        { x: 50, y: 0 },
        { x: 50, y: 90 - CLEARANCE },
      ],
    ]);
  });

  it('breaks a line that runs through a badge into the parts on either side', () => {
    const pieces = clipAround(
      [
        { x: 50, y: 0 },
        { x: 50, y: 100 },
        { x: 50, y: 200 },
      ],
      [badge],
    );
    expect(pieces).toHaveLength(2);
    expect(pieces[1]?.[0]).toEqual({ x: 50, y: 110 + CLEARANCE });
    expect(
      clippedPathData(
        [
          { x: 50, y: 0 },
          { x: 50, y: 100 },
          { x: 50, y: 200 },
        ],
        [badge],
      ),
    ).toBe('M50 0 L50 86 M50 114 L50 200');
  });

  it('keeps a line that misses every badge whole, corners joined', () => {
    const points = [
      { x: 200, y: 0 },
      { x: 200, y: 100 },
      { x: 300, y: 100 },
    ];
    expect(clipAround(points, [badge])).toEqual([points]);
  });
});
