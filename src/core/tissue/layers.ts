// The engine's layers, in global node order (skin nodes first, then fat, then SMAS). Its own module so that code
// which only solves and evaluates (the page's thread) does not pull in the precompute (model.ts, run in a Worker).
export const ENGINE_LAYERS = ['skin', 'fat', 'smas'] as const;
export type EngineLayer = (typeof ENGINE_LAYERS)[number];
