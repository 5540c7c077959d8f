// Technique → loads → displacement fields. Technique data says where tissue is gripped, in which layer, toward
// which vector and how much is taken up at the fixation; this file turns that into forces and lets the
// factorised stiffness decide what every region does.
import type { TechniqueId } from '../ids.ts';
import { PROCEDURES } from '../procedures/index.ts';
import { drapeFrontal, gripLine } from '../procedures/tractionLines.ts';
import type { ActionId, Procedure, Traction } from '../procedures/types.ts';
import type { LayerDisplacements, LiftParams } from './api.ts';
import { segmentDistance2Into, type Vec3 } from './geometry.ts';
import { ENGINE_LAYERS, type EngineLayer } from './layers.ts';
import type { TissueModel } from './model.ts';
import { solve3 } from './sparse.ts';
import { techniqueFactor } from './factors.ts';

/** Per-vertex fields (render order) for each layer, xyz interleaved. */
export type VertexFields = Readonly<Record<EngineLayer, Float32Array>>;

export interface ActionSolution {
  readonly action: ActionId;
  /** Global-node displacement at full activation (xyz). */
  readonly nodeField: Float64Array;
  /** Same, interpolated to render vertices. */
  readonly vertexField: VertexFields;
  /** Timeline interval during which this action ramps 0 → 1. */
  readonly start: number;
  readonly end: number;
  /** Take-up achieved at the fixation, mm (equals the target unless a tie constraint could not be met). */
  readonly takeUpMm: number;
  /** Grip band per side: global nodes and weights, for overlays and diagnostics. */
  readonly gripNodes: Int32Array;
}

export interface TechniqueSolution {
  readonly technique: TechniqueId;
  readonly procedure: Procedure;
  readonly params: { readonly vectorAngleDeg: number; readonly liftMm: number };
  readonly sag: number;
  /** Sag displacement per render vertex (relative to the rest model). */
  readonly sagField: VertexFields;
  readonly sagNodeField: Float64Array;
  readonly actions: readonly ActionSolution[];
  /** Per-action activations at the last evaluate() (scratch, no allocation per frame). */
  readonly activation: Float64Array;
}

/**
 * One traction's response to a unit-weight load on its grip band (one sparse solve with the technique's factor):
 * what a technique's solution is assembled from. Cached on the model per technique, traction and vector angle.
 */
export interface UnitResponse {
  readonly action: ActionId;
  readonly field: Float64Array; // global nodes xyz, response to the unit-weight grip load
  readonly gripNodes: Int32Array;
  readonly gripWeights: Float64Array; // normalised to sum 1
  readonly gripDirs: Float64Array; // tangent pull direction per grip node
  readonly share: number;
}

const easeInOutCubic = (x: number): number => (x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2);

/**
 * The grip band of one traction on one layer: nodes near the line from the origin against the pull, weighted
 * by a Gaussian across the line and ramped in/out along it. Force direction: the chord from the bite to the
 * fixation (frontal part along the vector, depth part toward the fixation), projected onto the node's tangent plane — sutures and barbs slide tissue along its
 * surface, they do not push it in or out.
 */
/** Scratch for gripBand's segment parameter (segmentDistance2Into). */
const onSegment = { s: 0 };

function gripBand(model: TissueModel, traction: Traction, angleDeg: number): { nodes: number[]; weights: number[]; dirs: number[] } {
  const layer = model.layers[traction.layer];
  const nodes: number[] = [];
  const weights: number[] = [];
  const dirs: number[] = [];
  const seen = new Set<number>();
  for (const side of ['l', 'r'] as const) {
    const line = gripLine(model.head, traction, angleDeg, side);
    const back: Vec3 = [-line.pull[0], -line.pull[1], -line.pull[2]];
    const axis = drapeFrontal(layer.mesh.positions, line.origin, back, line.start, line.end, 3, 4, layer.flatGrid);
    if (axis.length < 6) continue;
    // Arc length along the draped axis, for the ramps at both ends of the grip.
    const arc: number[] = [0];
    for (let k = 3; k < axis.length; k += 3) {
      arc.push(arc[arc.length - 1]! + Math.hypot(axis[k]! - axis[k - 3]!, axis[k + 1]! - axis[k - 2]!, axis[k + 2]! - axis[k - 1]!));
    }
    const total = arc[arc.length - 1]!;
    const ramp = Math.min(8, total / 4);
    const sx = side === 'l' ? 1 : -1;
    const hw = traction.halfWidthMm;
    for (let k = 0; k < axis.length; k += 3) {
      layer.grid.forEachWithin(axis[k]!, axis[k + 1]!, axis[k + 2]!, 2.5 * hw, (local) => {
        const g = layer.offset + local;
        if (seen.has(g) || model.unknownOf[g]! < 0) return;
        seen.add(g);
        const px = model.nodePos[3 * g]!, py = model.nodePos[3 * g + 1]!, pz = model.nodePos[3 * g + 2]!;
        if (px * sx < 0) return; // never grip across the midline
        let best = Infinity, bestArc = 0;
        for (let s = 3; s < axis.length; s += 3) {
          const d2 = segmentDistance2Into(px, py, pz, axis[s - 3]!, axis[s - 2]!, axis[s - 1]!, axis[s]!, axis[s + 1]!, axis[s + 2]!, onSegment);
          if (d2 < best) {
            best = d2;
            const i = s / 3;
            bestArc = arc[i - 1]! + onSegment.s * (arc[i]! - arc[i - 1]!);
          }
        }
        const along = Math.min(1, bestArc / ramp, (total - bestArc) / ramp);
        const w = Math.exp(-best / (hw * hw)) * Math.max(0, along) * model.nodeArea[g]!;
        if (w < 1e-6) return;
        // The suture or thread runs from this bite to its fixation: in the frontal plane along the grip line (the
        // vector), in depth toward where the fixation lies (the temple lies ~5 cm behind the malar SMAS; the arch
        // anchor ~2–3 cm behind the jowl). Its tension acts along that chord, projected onto the tissue's tangent
        // plane below. (Projecting the frontal vector alone made a superolateral pull on the forward-facing malar
        // surface come out nearly vertical, and ignored that every suture also draws tissue back toward its anchor.)
        const n: Vec3 = [model.nodeNormal[3 * g]!, model.nodeNormal[3 * g + 1]!, model.nodeNormal[3 * g + 2]!];
        const alongMm = Math.max(1, (line.origin[0] - px) * line.pull[0] + (line.origin[1] - py) * line.pull[1]);
        let lx = alongMm * line.pull[0], ly = alongMm * line.pull[1], lz = line.origin[2] - pz;
        const ll = Math.hypot(lx, ly, lz);
        lx /= ll;
        ly /= ll;
        lz /= ll;
        const dn = lx * n[0] + ly * n[1] + lz * n[2];
        let tx = lx - dn * n[0], ty = ly - dn * n[1], tz = lz - dn * n[2];
        const len = Math.hypot(tx, ty, tz) || 1;
        tx /= len;
        ty /= len;
        tz /= len;
        nodes.push(g);
        weights.push(w);
        dirs.push(tx, ty, tz);
      });
    }
  }
  return { nodes, weights, dirs };
}

/**
 * The key of traction `index` of `technique` at vector angle `angleDeg` (degrees) in `model.cache`. The traction's
 * index is part of it: one action may have several sutures (e.g. two suspension loops).
 */
export const unitResponseKey = (technique: TechniqueId, index: number, action: ActionId, angleDeg: number): string =>
  `${technique}|${index}|${action}|${angleDeg.toFixed(3)}`;

/** Kept in `model.cache`: the scene typically toggles between a handful of (technique, angle) pairs. */
const UNIT_RESPONSES_KEPT = 24;

/** Puts a unit response into the model's small bounded cache (the oldest leaves when it is full). */
export function cacheUnitResponse(model: TissueModel, key: string, response: UnitResponse): void {
  if (model.cache.size >= UNIT_RESPONSES_KEPT) model.cache.delete(model.cache.keys().next().value!);
  model.cache.set(key, response);
}

/**
 * The unit response of traction `index` of `technique` (`traction`: PROCEDURES[technique].tractions[index]) at vector
 * angle `angleDeg` (degrees, as resolvedParams gives it): one sparse solve with the technique's factor (factors.ts),
 * cached on the model per technique, traction and angle, so lift and sag changes then cost nothing. Throws as
 * techniqueFactor does when the technique's factor is neither on the model nor computable here.
 */
export function unitResponse(model: TissueModel, technique: TechniqueId, traction: Traction, index: number, angleDeg: number): UnitResponse {
  const key = unitResponseKey(technique, index, traction.action, angleDeg);
  const cached = model.cache.get(key) as UnitResponse | undefined;
  if (cached) return cached;
  const band = gripBand(model, traction, angleDeg);
  const total = band.weights.reduce((a, b) => a + b, 0) || 1;
  const rhs = model.rhs;
  rhs.fill(0);
  for (let k = 0; k < band.nodes.length; k++) {
    const u = model.unknownOf[band.nodes[k]!]!;
    const w = band.weights[k]! / total;
    rhs[3 * u]! += w * band.dirs[3 * k]!;
    rhs[3 * u + 1]! += w * band.dirs[3 * k + 1]!;
    rhs[3 * u + 2]! += w * band.dirs[3 * k + 2]!;
  }
  // Solved with the technique's own stiffness: its undermined flap (if any) is free to move as one sheet.
  solve3(techniqueFactor(model, technique), rhs, model.sol);
  const field = new Float64Array(3 * model.nodeCount);
  for (let g = 0; g < model.nodeCount; g++) {
    const u = model.unknownOf[g]!;
    if (u < 0) continue;
    field[3 * g] = model.sol[3 * u]!;
    field[3 * g + 1] = model.sol[3 * u + 1]!;
    field[3 * g + 2] = model.sol[3 * u + 2]!;
  }
  const response: UnitResponse = {
    action: traction.action,
    field,
    gripNodes: Int32Array.from(band.nodes),
    gripWeights: Float64Array.from(band.weights, (w) => w / total),
    gripDirs: Float64Array.from(band.dirs),
    share: traction.takeUpShare,
  };
  cacheUnitResponse(model, key, response);
  return response;
}

/** Take-up of grip band `r` under field `f`: grip-weighted displacement along the local pull, mm. */
function takeUp(r: UnitResponse, f: Float64Array): number {
  let s = 0;
  for (let k = 0; k < r.gripNodes.length; k++) {
    const g = r.gripNodes[k]!;
    s += r.gripWeights[k]! * (f[3 * g]! * r.gripDirs[3 * k]! + f[3 * g + 1]! * r.gripDirs[3 * k + 1]! + f[3 * g + 2]! * r.gripDirs[3 * k + 2]!);
  }
  return s;
}

/** Small dense solve (Gaussian elimination with partial pivoting) for tied take-ups. */
function solveDense(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/**
 * Amplitudes that give every traction its target take-up with all of them pulling together. A suture or thread
 * can only pull: when the exact joint solution asks one to push (its bites are already carried past the target
 * by the others — overlapping loops on a narrow face), that one is left slack (amplitude 0) and the rest are
 * solved again without it (an active-set non-negative solve; n ≤ 3, so at most n passes).
 */
function jointAmplitudes(matrix: number[][], targets: number[]): number[] {
  const n = targets.length;
  const active = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    const sub = solveDense(active.map((i) => active.map((j) => matrix[i]![j]!)), active.map((i) => targets[i]!));
    const out = new Array<number>(n).fill(0);
    active.forEach((i, k) => (out[i] = sub[k]!));
    let worst = -1;
    active.forEach((i, k) => {
      if (!(sub[k]! >= 0) && (worst < 0 || !(sub[k]! >= out[worst]!))) worst = i;
    });
    if (worst < 0) return out;
    active.splice(active.indexOf(worst), 1);
    if (active.length === 0) return out;
  }
}

/** Global-node field → render-vertex fields (allocates; called once per solve, never per frame). */
export function toVertexFields(model: TissueModel, nodeField: Float64Array, scale = 1): VertexFields {
  const out = {} as Record<EngineLayer, Float32Array>;
  for (const ln of ENGINE_LAYERS) {
    const l = model.layers[ln];
    const f = new Float32Array(3 * l.vertexCount);
    const { interpStart, interpNode, interpWeight } = l.mesh;
    for (let v = 0; v < l.vertexCount; v++) {
      let x = 0, y = 0, z = 0;
      for (let k = interpStart[v]!; k < interpStart[v + 1]!; k++) {
        const g = 3 * (l.offset + interpNode[k]!);
        const w = interpWeight[k]! * scale;
        x += w * nodeField[g]!;
        y += w * nodeField[g + 1]!;
        z += w * nodeField[g + 2]!;
      }
      f[3 * v] = x;
      f[3 * v + 1] = y;
      f[3 * v + 2] = z;
    }
    out[ln] = f;
  }
  return out;
}

export function resolvedParams(technique: TechniqueId, params: LiftParams): { vectorAngleDeg: number; liftMm: number } {
  const d = PROCEDURES[technique].defaults;
  const angle = params.vectorAngleDeg;
  const lift = params.liftMm;
  return {
    vectorAngleDeg: angle !== undefined && Number.isFinite(angle) ? Math.min(90, Math.max(0, angle)) : d.vectorAngleDeg,
    liftMm: lift !== undefined && Number.isFinite(lift) ? Math.min(30, Math.max(0, lift)) : d.liftMm,
  };
}

/**
 * Solves a technique for given parameters and sag. Each traction gets a unit response (one sparse solve,
 * cached per angle); the amplitudes are then set so the take-up at the fixation equals the requested lift —
 * jointly for tied tractions (dual-layer threads), independently otherwise.
 */
export function solveTechnique(model: TissueModel, technique: TechniqueId, params: LiftParams, sag: number): TechniqueSolution {
  const procedure = PROCEDURES[technique];
  const p = resolvedParams(technique, params);
  const s = Number.isFinite(sag) ? Math.min(1, Math.max(0, sag)) : 0;
  const units = procedure.tractions.map((t, i) => unitResponse(model, technique, t, i, p.vectorAngleDeg));
  const targets = units.map((u) => p.liftMm * u.share);
  // Tractions are drawn jointly when they are tied (dual-layer threads) or when they are loops of one suspension
  // (same action, same step, tightened together at one fixation): each loop is tightened until its bites have
  // moved by the take-up WITH the other loops pulling on the same sheet, not as if it were alone.
  const joint = units.length > 1 && (procedure.tied || units.every((u) => u.action === units[0]!.action));
  let amplitudes: number[];
  if (joint) {
    const matrix = units.map((ri) => units.map((rj) => takeUp(ri, rj.field)));
    amplitudes = jointAmplitudes(matrix, targets);
  } else {
    amplitudes = units.map((u, i) => targets[i]! / takeUp(u, u.field));
  }
  // Take-up is measured under the combined field: tied threads drag each other's layer through the coupling.
  const combined = new Float64Array(model.nodeCount * 3);
  units.forEach((u, i) => {
    const a = amplitudes[i]!;
    for (let k = 0; k < combined.length; k++) combined[k]! += a * u.field[k]!;
  });
  const actions: ActionSolution[] = units.map((u, i) => {
    const nodeField = new Float64Array(u.field.length);
    const a = amplitudes[i]!;
    for (let k = 0; k < nodeField.length; k++) nodeField[k] = a * u.field[k]!;
    const driver = procedure.steps.find((st) => st.moves.includes(u.action))!;
    return {
      action: u.action,
      nodeField,
      vertexField: toVertexFields(model, nodeField),
      start: driver.start,
      end: driver.end,
      takeUpMm: takeUp(u, joint ? combined : nodeField),
      gripNodes: u.gripNodes,
    };
  });
  const sagNodeField = new Float64Array(model.sagUnit.length);
  for (let k = 0; k < sagNodeField.length; k++) sagNodeField[k] = s * model.sagUnit[k]!;
  return {
    technique,
    procedure,
    params: p,
    sag: s,
    sagField: toVertexFields(model, model.sagUnit, s),
    sagNodeField,
    actions,
    activation: new Float64Array(actions.length),
  };
}

/** Activation of each action at timeline progress t (eased within its driving step). Writes into solution.activation. */
export function activations(solution: TechniqueSolution, t: number): Float64Array {
  const act = solution.activation;
  const tt = t < 0 ? 0 : t > 1 ? 1 : t;
  for (let k = 0; k < solution.actions.length; k++) {
    const a = solution.actions[k]!;
    act[k] = tt <= a.start ? 0 : tt >= a.end ? 1 : easeInOutCubic((tt - a.start) / (a.end - a.start));
  }
  return act;
}

/**
 * Per-frame evaluation: displacement of every render vertex of skin, fat and SMAS relative to the REST model.
 * t = 0 → the sagged face; t = 1 → sag + every traction at full activation. No allocation.
 */
export function evaluate(model: TissueModel, solution: TechniqueSolution, t: number, out: LayerDisplacements): void {
  const act = activations(solution, t);
  const actions = solution.actions;
  for (let li = 0; li < ENGINE_LAYERS.length; li++) {
    const ln = ENGINE_LAYERS[li]!;
    const o = out[ln];
    o.set(solution.sagField[ln]);
    for (let k = 0; k < actions.length; k++) {
      const a = act[k]!;
      if (a === 0) continue;
      const f = actions[k]!.vertexField[ln];
      for (let i = 0; i < o.length; i++) o[i]! += a * f[i]!;
    }
  }
  void model;
}

export function createDisplacements(model: TissueModel): LayerDisplacements {
  return {
    skin: new Float32Array(3 * model.layers.skin.vertexCount),
    fat: new Float32Array(3 * model.layers.fat.vertexCount),
    smas: new Float32Array(3 * model.layers.smas.vertexCount),
  };
}
