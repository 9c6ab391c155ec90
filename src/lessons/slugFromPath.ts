/**
 * The challenge slug of a lesson page's path: "/ko/challenges/bounce/" → "bounce". Components
 * used inside MDX know their page only by URL; anything else is a misplaced component and
 * fails the build with the path.
 */
export function lessonSlugFromPath(pathname: string): string {
  const match = /^\/[a-z]{2}\/challenges\/([a-z0-9][a-z0-9-]*)\/?$/.exec(pathname);
  if (!match?.[1]) throw new Error(`Expected a challenge page like /en/challenges/<slug>/, got "${pathname}"`);
  return match[1];
}
