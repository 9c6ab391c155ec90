/**
 * The query parameters every lesson's newsletter links may carry, besides one per control
 * (its id: "policy", "node", …; see engine/lab/controls.ts). A module of its own so the
 * page's tiny on-load script can test for them without loading the parser.
 */
export const deepLinkParams = ['answer', 'seed', 'n'] as const;

/** One of the fixed deep-link parameters. */
export type FixedParam = (typeof deepLinkParams)[number];

/** A deep-link parameter: a fixed one or a control's id. */
export type DeepLinkParam = string;
