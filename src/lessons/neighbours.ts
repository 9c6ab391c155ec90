/** The challenges before and after one challenge, for "previous / next" navigation. */

/** The lesson before and after, if any. */
export interface Neighbours<T> {
  readonly previous: T | undefined;
  readonly next: T | undefined;
}

/**
 * Neighbours of `slug` in `ordered` (lessons of one locale, by challenge number). A slug that
 * is not in the list is a bug in the caller and fails the build with its name.
 */
export function neighbours<T extends { readonly slug: string }>(ordered: readonly T[], slug: string): Neighbours<T> {
  const index = ordered.findIndex((lesson) => lesson.slug === slug);
  if (index < 0)
    throw new Error(`neighbours: no lesson "${slug}" among ${ordered.map((l) => l.slug).join(', ') || 'none'}`);
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}
