// The bare skin's colour variation: a face is not one even beige. Over the build's base tone (build-head.ts
// skinAttributes) the skin gets what a 50–55-year-old's skin shows at conversation distance — a darker, slightly
// cooler crescent under each lower lid (infraorbital darkening, the tear trough's shadow in the colour), a warmer nose
// tip and alae, a faint darkening round the mouth, a few soft pigment patches over the cheekbones (the malar area
// is where an East Asian woman of this age shows lentigines or melasma first) and a low mottling everywhere, so the
// even tone of a painted mannequin is broken. Every amplitude and size is a design choice (judged on the consult
// and phone screenshots); none is a measurement. Deterministic (no random source): the mottling is value noise
// from an integer hash of the lattice cell.
import type { Landmarks } from './anatomy-map.ts';
import { type V3, mix3, smoothstep } from './geom.ts';

/** Integer lattice hash → [0, 1). */
function hash3(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(z, 0x1b873593) ^ Math.imul(seed, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Smooth value noise in [0, 1] at `p` (mm) with lattice spacing `cell` (mm). */
export function valueNoise(p: V3, cell: number, seed: number): number {
  const fx = p[0] / cell, fy = p[1] / cell, fz = p[2] / cell;
  const x0 = Math.floor(fx), y0 = Math.floor(fy), z0 = Math.floor(fz);
  const s = (t: number) => t * t * (3 - 2 * t);
  const u = s(fx - x0), v = s(fy - y0), w = s(fz - z0);
  let out = 0;
  for (let dz = 0; dz <= 1; dz++)
    for (let dy = 0; dy <= 1; dy++)
      for (let dx = 0; dx <= 1; dx++) {
        const weight = (dx ? u : 1 - u) * (dy ? v : 1 - v) * (dz ? w : 1 - w);
        out += weight * hash3(x0 + dx, y0 + dy, z0 + dz, seed);
      }
  return out;
}

const gauss = (p: V3, c: V3, r: V3): number => Math.exp(-0.5 * (((p[0] - c[0]) / r[0]) ** 2 + ((p[1] - c[1]) / r[1]) ** 2 + ((p[2] - c[2]) / r[2]) ** 2));

/** Under-eye crescent: darker and a little cooler (linear RGB factors at full weight). Design choice. */
const INFRAORBITAL_TINT: V3 = [0.7, 0.66, 0.74];
/** Nose tip and alae: warmer (less green and blue). Design choice. */
const NASAL_TINT: V3 = [1.0, 0.86, 0.84];
/** Round the mouth (outside the lips): a little darker. Design choice. */
const PERIORAL_TINT: V3 = [0.93, 0.9, 0.9];
/** A pigment patch's colour at full weight: light brown. Design choice. */
const PIGMENT_TINT: V3 = [0.74, 0.62, 0.54];
/** The mottling's luminance swing (± fraction, linear) at 11 mm (finer variation costs the file bytes a 2 mm mesh barely shows). Design choice. */
const MOTTLE = { coarse: 0.12 } as const;

/**
 * The bare skin's tone variation at `p` (mm, head frame, +x the subject's left, +y up, +z forward) as linear-RGB
 * factors (each ≈ 0.7–1.1) to multiply the base skin colour by; [1, 1, 1] where nothing applies. `lm`: the
 * head's landmarks (mm). Apply to bare skin only (the caller fades it out under hair, brows and lips).
 */
export function skinToneFactor(p: V3, lm: Landmarks): V3 {
  const side = p[0] >= 0 ? 'l' : 'r';
  const medial = lm[`medial-canthus-${side}`], lateral = lm[`lateral-canthus-${side}`];
  // under the lower lid: a crescent centred ≈ 8 mm below the canthal line, from the medial canthus to just past
  // mid-pupil, a little forward of the lid
  const eye: V3 = [(medial[0] * 0.6 + lateral[0] * 0.4), (medial[1] + lateral[1]) / 2 - 8, (medial[2] + lateral[2]) / 2 + 1];
  const infraorbital = gauss(p, eye, [11, 5, 9]);
  const nose = 0.9 * gauss(p, lm.pronasale, [9, 7, 9]);
  const mouthCentre: V3 = [lm.stomion[0], lm.stomion[1] - 2, lm.stomion[2] - 4];
  const perioral = gauss(p, mouthCentre, [18, 13, 14]);
  // pigment patches over the cheekbone: where a coarse noise is high, within the malar area
  const malar = gauss(p, [lm[`malar-eminence-${side}`][0] + (side === 'l' ? 8 : -8), lm[`malar-eminence-${side}`][1] + 4, lm[`malar-eminence-${side}`][2] - 6], [17, 13, 20]);
  const pigment = 0.8 * malar * smoothstep(0.55, 0.8, valueNoise(p, 7, 3));
  // the mottling on the face only (in front of the ears, above the jaw's underside): the neck and scalp stay even,
  // which keeps the file's colour stream compressible (all over, it cost 23 kB of the GLB)
  const face = smoothstep(lm[`tragus-${side}`][2], lm[`tragus-${side}`][2] + 25, p[2]) * smoothstep(lm.menton[1] - 4, lm.menton[1] + 14, p[1]);
  const mottle = 1 + face * MOTTLE.coarse * (2 * valueNoise(p, 11, 1) - 1);
  let f: V3 = [mottle, mottle, mottle];
  const tint = (t: V3, w: number) => {
    const m = mix3([1, 1, 1], t, Math.min(1, w));
    f = [f[0] * m[0], f[1] * m[1], f[2] * m[2]];
  };
  tint(INFRAORBITAL_TINT, infraorbital);
  tint(NASAL_TINT, nose);
  tint(PERIORAL_TINT, perioral);
  tint(PIGMENT_TINT, pigment);
  return f;
}
