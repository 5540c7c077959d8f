// The lines a traction pulls along, on a head: its pull vector, its straight grip line in the frontal plane, that
// line draped onto a layer, and the thread paths of thread techniques. Apart from resolve.ts (incisions, points,
// the undermined area) because the tissue Worker's precompute needs those and not these: the unit responses
// (tissue/solve.ts gripBand), which the Worker loads as a chunk of its own only when a page asks for them, do.
import type { HeadData } from '../anatomy/headData.ts';
import type { Side } from '../anatomy/landmarks.ts';
import type { LiftParams } from '../tissue/api.ts';
import type { PointGrid, Vec3 } from '../tissue/geometry.ts';
import { resolvePoint, SIDES, sideSign } from './resolve.ts';
import type { Procedure, Traction } from './types.ts';

/**
 * Unit pull vector in the frontal plane for a side: `angleDeg` above the horizontal, pointing laterally
 * (superolateral for angles below 90°, straight up at 90°).
 */
export function pullDirection(angleDeg: number, side: Side): [number, number, number] {
  const a = (angleDeg * Math.PI) / 180;
  return [sideSign(side) * Math.cos(a), Math.sin(a), 0];
}

/** The straight grip line of a traction in the frontal plane (before draping onto a layer). */
export function gripLine(
  head: HeadData,
  traction: Traction,
  vectorAngleDeg: number,
  side: Side,
): { origin: [number, number, number]; pull: [number, number, number]; start: number; end: number } {
  const origin = resolvePoint(head, traction.origin, side);
  let base = vectorAngleDeg;
  if (traction.aim) {
    // The loop's line from the origin to its aim, as a frontal-plane angle above the horizontal (lateral = 0°):
    // the pull runs from the aim back toward the origin. Re-aiming the technique's vector rotates it rigidly.
    const aim = resolvePoint(head, traction.aim.toward, side);
    const lateral = sideSign(side) * (origin[0] - aim[0]);
    const aimDeg = (Math.atan2(origin[1] - aim[1], lateral) * 180) / Math.PI;
    base = aimDeg + (vectorAngleDeg - traction.aim.atVectorDeg);
  }
  return {
    origin,
    pull: pullDirection(base + traction.angleOffsetDeg, side),
    start: traction.gripStartMm,
    end: traction.reachMm,
  };
}

/**
 * Front projection of a frontal-plane line onto a layer: for each (x, y) sample the frontmost vertex of the layer
 * within a small radius. The lines we drape run over the face, where "frontmost" is the right sheet.
 */
export function drapeFrontal(
  positions: ArrayLike<number>,
  origin: Vec3,
  direction: Vec3,
  fromMm: number,
  toMm: number,
  stepMm = 2,
  radiusMm = 4,
  flatGrid?: PointGrid,
): Float32Array {
  const out: number[] = [];
  const n = Math.floor(positions.length / 3);
  for (let s = fromMm; s <= toMm + 1e-9; s += stepMm) {
    const x = origin[0] + s * direction[0];
    const y = origin[1] + s * direction[1];
    let bestZ = -Infinity;
    let r = radiusMm;
    for (let attempt = 0; attempt < 3 && bestZ === -Infinity; attempt++, r *= 2) {
      if (flatGrid) {
        // The grid indexes (x, y, 0) copies of the same vertices: read z from the real positions.
        flatGrid.forEachWithin(x, y, 0, r, (v) => {
          if (positions[3 * v + 2]! > bestZ) bestZ = positions[3 * v + 2]!;
        });
      } else {
        for (let v = 0; v < n; v++) {
          const dx = positions[3 * v]! - x, dy = positions[3 * v + 1]! - y;
          if (dx * dx + dy * dy <= r * r && positions[3 * v + 2]! > bestZ) bestZ = positions[3 * v + 2]!;
        }
      }
    }
    if (bestZ > -Infinity) out.push(x, y, bestZ);
  }
  return Float32Array.from(out);
}

export interface ThreadPath {
  readonly layer: 'dermis' | 'smas';
  readonly side: Side;
  readonly points: Float32Array;
}

/** Thread paths in mm (thread techniques only): each thread on each side, draped on its layer. */
export function resolveThreadsOf(head: HeadData, procedure: Procedure, params: LiftParams = {}): ThreadPath[] {
  const angle = params.vectorAngleDeg ?? procedure.defaults.vectorAngleDeg;
  const out: ThreadPath[] = [];
  for (const t of procedure.tractions) {
    if (t.action !== 'dermal-thread' && t.action !== 'fascial-thread') continue;
    for (const side of SIDES) {
      const line = gripLine(head, t, angle, side);
      const back: Vec3 = [-line.pull[0], -line.pull[1], -line.pull[2]];
      const mesh = t.layer === 'skin' ? head.skin.positions : head.smas.positions;
      const points = drapeFrontal(mesh, line.origin, back, 0, line.end);
      if (t.layer === 'skin') {
        // Dermis sits ~1 mm under the surface (dermis 0.8–1.1 mm, Meng 2022): inset toward the head's axis.
        for (let k = 0; k < points.length; k += 3) {
          const rx = points[k]!, rz = points[k + 2]!;
          const len = Math.hypot(rx, rz) || 1;
          points[k] = rx - rx / len;
          points[k + 2] = rz - rz / len;
        }
      }
      out.push({ layer: t.layer === 'skin' ? 'dermis' : 'smas', side, points });
    }
  }
  return out;
}
