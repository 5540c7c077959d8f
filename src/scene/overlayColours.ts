// Colours shared by the overlay components (incisions, threads, ties, pull arrows) and anything that draws a
// legend for them. A module of its own so that no overlay component imports another for its colours.

/** Overlay colours: magenta marker for incisions, and two threads told apart by lightness as well as hue. Design choice. */
export const OVERLAY_COLOURS = {
  incision: '#b2306b',
  dermalThread: '#6a3d9a',
  fascialThread: '#2b8a3e',
  vector: '#1f6f8b',
  tie: '#e07b00',
} as const;
