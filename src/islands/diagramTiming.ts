/** The live diagram's timing, shared by the island (its timers) and the lazily loaded sample layer. */

/** How long the dot takes to travel one hop, in milliseconds. */
export const MOVE_MS = 1100;
