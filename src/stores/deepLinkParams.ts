/**
 * The query parameters a newsletter link may carry, in the order problems are reported.
 * A module of its own so the page's tiny on-load script can test for them without loading
 * the parser.
 */
export const deepLinkParams = ['answer', 'policy', 'node', 'seed', 'n'] as const;

/** One of the deep-link parameters. */
export type DeepLinkParam = (typeof deepLinkParams)[number];
