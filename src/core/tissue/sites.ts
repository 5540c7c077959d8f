// Measurement sites: small named areas of the skin defined from the head's landmarks, where the literature
// measured a lift (outcomes-and-face-norms.md §1). Unlike the six REGIONS (baked into the model file by
// scripts/model), a site is computed here from landmarks, so it follows any head.
//
//   jowl                — the skin over the jowl, where Jones & Lo (PRS 2012) measured a facelift's +6 mm.
//   lid-cheek-junction  — the lower lid–cheek junction, the lower end of the "lower-eyelid vertical height" that a
//                         transtemporal midface lift shortened from 11.8 to 9.3 mm (Ransom, Stong, Jacono 2012).
import type { HeadData } from '../anatomy/headData.ts';
import type { Side } from '../anatomy/landmarks.ts';
import { LOWER_LID_HEIGHT_MM } from './constants.ts';
import { segmentDistance2, type Vec3 } from './geometry.ts';
import type { TissueModel } from './model.ts';

export const SITES = ['jowl', 'lid-cheek-junction'] as const;
export type SiteId = (typeof SITES)[number];

/** Radius (1/e² Gaussian σ) of a site's weight around its landmark or line, mm. Design choice: a fingertip. */
export const SITE_RADIUS_MM = 6;

type SiteWeight = (x: number, y: number, z: number) => number;

const gauss = (d2: number, s: number): number => Math.exp(-d2 / (2 * s * s));

function siteWeight(head: HeadData, site: SiteId): SiteWeight {
  const lm = (name: string, side: Side): Vec3 => head.landmarks[`${name}-${side}` as keyof HeadData['landmarks']];
  if (site === 'jowl') {
    const j = { l: lm('jowl', 'l'), r: lm('jowl', 'r') };
    return (x, y, z) => {
      const p = x >= 0 ? j.l : j.r;
      return gauss((x - p[0]) ** 2 + (y - p[1]) ** 2 + (z - p[2]) ** 2, SITE_RADIUS_MM);
    };
  }
  // Lid–cheek junction: a line LOWER_LID_HEIGHT_MM below the canthal line, from a quarter of the way out from the
  // medial canthus (the tear trough's start) to below the lateral canthus, compared in the frontal plane (x, y) on
  // the forward-facing skin in front of the lateral canthus's depth (the lower lid and cheek, not the temple).
  const line = (side: Side): [Vec3, Vec3, number] => {
    const m = lm('medial-canthus', side), l = lm('lateral-canthus', side);
    const a: Vec3 = [m[0] + 0.25 * (l[0] - m[0]), m[1] + 0.25 * (l[1] - m[1]) - LOWER_LID_HEIGHT_MM, 0];
    const b: Vec3 = [l[0], l[1] - LOWER_LID_HEIGHT_MM, 0];
    return [a, b, l[2] - 12];
  };
  const lines = { l: line('l'), r: line('r') };
  return (x, y, z) => {
    const [a, b, zMin] = x >= 0 ? lines.l : lines.r;
    if (z < zMin) return 0;
    return gauss(segmentDistance2(x, y, 0, a, b).d2, SITE_RADIUS_MM / 2);
  };
}

const cache = new WeakMap<TissueModel, Float32Array>();

/** Per skin node, its weight in each SITE (SITES order), computed once per model. */
export function skinNodeSites(model: TissueModel): Float32Array {
  let w = cache.get(model);
  if (w) return w;
  const skin = model.layers.skin;
  w = new Float32Array(skin.mesh.nodeCount * SITES.length);
  const fns = SITES.map((s) => siteWeight(model.head, s));
  for (let k = 0; k < skin.mesh.nodeCount; k++) {
    const g = skin.offset + k;
    const x = model.nodePos[3 * g]!, y = model.nodePos[3 * g + 1]!, z = model.nodePos[3 * g + 2]!;
    fns.forEach((f, s) => {
      const v = f(x, y, z);
      w![k * SITES.length + s] = v < 0.02 ? 0 : v;
    });
  }
  cache.set(model, w);
  return w;
}

/** Site-weighted mean of a global-node displacement field over the skin: vertical (y) component, mm. */
export function siteVertical(model: TissueModel, field: Float64Array): Record<SiteId, number> {
  const w = skinNodeSites(model);
  const skin = model.layers.skin;
  const out = {} as Record<SiteId, number>;
  SITES.forEach((site, s) => {
    let sw = 0, sy = 0;
    for (let k = 0; k < skin.mesh.nodeCount; k++) {
      const wk = w[k * SITES.length + s]!;
      if (wk === 0) continue;
      sw += wk;
      sy += wk * field[3 * (skin.offset + k) + 1]!;
    }
    out[site] = sw > 0 ? sy / sw : 0;
  });
  return out;
}
