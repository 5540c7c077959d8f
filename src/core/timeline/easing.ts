// Easing curves for the procedure timeline. The engine's tractions ramp with easeInOutCubic: a pull starts and
// ends gently, as a surgeon tensions and then settles a suture.
export const linear = (x: number): number => x;
export const easeInOutCubic = (x: number): number => (x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2);
export const easeOutCubic = (x: number): number => 1 - (1 - x) ** 3;
export const smoothstep = (x: number): number => x * x * (3 - 2 * x);
export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isNaN(x) ? 0 : x);
