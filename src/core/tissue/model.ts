// The layered tissue model: one linear elastic system over the skin, fat and SMAS meshes.
//
// Energy (all linear in the displacement u, small-strain):
//   Σ_layers μ_layer Σ_edges w_ij |u_i − u_j|²          cotangent-Laplacian membrane energy per layer
// + Σ_couplings k_c(x) A |u_deep − u_shallow|²          retinacula between adjacent layers, tight/loose by region
// + Σ_nodes k_g(x) A |u|²                               deep foundation (sub-SMAS plane, galea, cartilage)
// + Σ_ligaments k_lig A g(d) |u − e_lig|²               ligament ties to bone (origin fixed; e = laxity elongation)
// − Σ f·u                                              traction (sutures, threads) and the ageing load
// Minimising gives K u = f with one K for all three coordinates (sparse Cholesky).
// The intact face has one K, factorised in createTissueModel; the ageing field is solved with it. A technique
// that undermines (its "elevate" step) cuts attachments inside its dissected area, so its K differs from the
// intact one in VALUES only (weaker foundation / retinacula; same sparsity pattern): undermining.ts refactorises
// it lazily on the technique's first use, reusing the ordering and symbolic analysis made here. Everything a
// PARAMETER (vector, lift, sag) changes is in f, so parameter changes never refactorise.
//
// Why this formulation: it is the linearisation of ARAP/membrane energy about the rest shape plus an elastic
// foundation — the simplest model in which (1) traction spreads through a layer over a finite distance that
// depends on how tightly that layer is held, (2) layers drag each other only through their coupling, and
// (3) ligaments pin the tissue they pierce. Those three are exactly the mechanics the techniques differ by.
// It is NOT a large-deformation or volumetric FEM: lifts of ~10 mm over a face are moderate strains, and the
// membrane model cannot show wrinkling or bunching.
import type { HeadData, LayerMesh } from '../anatomy/headData.ts';
import type { LandmarkId } from '../anatomy/landmarks.ts';
import { REGIONS } from '../ids.ts';
import {
  AGEING_VECTOR_BELOW_HORIZONTAL_DEG, COUPLING_LOOSE, COUPLING_SEARCH_MM, COUPLING_TIGHT, FAT_GROUND_BASE,
  FAT_MODULUS, FIXED_BEYOND_MM, FOLD_TETHER, FOLD_TETHER_WIDTH_MM, JOWL_DESCENT_AT_FULL_SAG_MM,
  LIGAMENT_ELONGATION_AT_FULL_SAG_MM, LIGAMENTS, LOWER_LID_HEIGHT_MM, MENTAL_LIGAMENT, ORBITAL_RIM_TIE, MIMETIC_BAND_WIDTH_MM, MIMETIC_REACH_MM, MARIONETTE_MEDIAL_TO_JOWL_MM, MARIONETTE_TETHER_SHARE, MIMETIC_UNIT_TIE, SAG_BULGE_FRACTION, SAG_LAYER_SHARE, SKIN_GROUND_BASE,
  SIM_CELL_MM, SKIN_GROUND_UNSUPPORTED, SKIN_MODULUS, SMAS_GROUND_FIXED, SMAS_GROUND_MOBILE, SMAS_MODULUS, type LigamentName,
} from './constants.ts';
import { PointGrid, segmentDistance2, type ClusteredMesh, type MeshOperators, type Vec3 } from './geometry.ts';
import { clusterMesh, meshOperators } from './mesh.ts';
import { solve3, type CholeskyFactor, type Csc } from './sparse.ts';
import { SymmetricBuilder, cholesky } from './factorise.ts';
import { ENGINE_LAYERS, type EngineLayer } from './layers.ts';

export { ENGINE_LAYERS, type EngineLayer };

export interface ModelLayer {
  readonly name: EngineLayer;
  /** the simulation mesh (clustered from the render mesh) and its interpolation back to render vertices */
  readonly mesh: ClusteredMesh;
  readonly ops: MeshOperators;
  /** first global node index of this layer */
  readonly offset: number;
  readonly vertexCount: number;
  /** (x, y, 0) copies of the node positions, for draping frontal-plane lines onto the layer */
  readonly flatGrid: PointGrid;
  /** 3D grid over the node positions */
  readonly grid: PointGrid;
}

export interface LigamentTie {
  readonly name: LigamentName;
  readonly side: 'l' | 'r';
  readonly origin: Vec3;
  readonly insertion: Vec3;
  /** global nodes tied, and their spring stiffness (already × area × falloff) */
  readonly nodes: Int32Array;
  readonly stiffness: Float64Array;
}

export interface TissueModel {
  readonly head: HeadData;
  readonly layers: Readonly<Record<EngineLayer, ModelLayer>>;
  readonly nodeCount: number;
  readonly nodePos: Float64Array;
  readonly nodeNormal: Float64Array;
  readonly nodeArea: Float64Array;
  /** global node → unknown index, −1 when held fixed */
  readonly unknownOf: Int32Array;
  readonly unknownCount: number;
  /** Stiffness of the intact face (no undermining) and its factorisation; thread techniques use these. */
  readonly matrix: Csc;
  readonly factor: CholeskyFactor;
  /** The attachments a dissection can cut, as assembled into `matrix` (see undermining.ts). */
  readonly releasable: ReleasableAttachments;
  /** Per-technique factorisations of the undermined stiffness, built on first use (see undermining.ts). */
  readonly techniqueFactors: Map<string, CholeskyFactor>;
  readonly ligaments: readonly LigamentTie[];
  /** For each fat/SMAS node, the skin node it is coupled to (−1 if none): pairs for layer-motion measures. */
  readonly skinPartner: Int32Array;
  /** Displacement per global node at sag = 1 (xyz). */
  readonly sagUnit: Float64Array;
  /** Skin region weights per skin node (REGIONS order). */
  readonly skinNodeRegions: Float32Array;
  /** Reusable solve buffers (unknown-sized, xyz). */
  readonly rhs: Float64Array;
  readonly sol: Float64Array;
  /** Cache of per-(technique, angle) unit responses; see solve.ts. */
  readonly cache: Map<string, unknown>;
  readonly stats: { precomputeMs: number; factorNonZeros: number; techniqueFactorMs: Record<string, number>; vertexCounts: Record<EngineLayer, number>; nodeCounts: Record<EngineLayer, number> };
}

/**
 * The parts of the intact stiffness that a dissection cuts: retinacular couplings between skin and the deeper
 * layers (a skin flap's plane), and the sub-SMAS foundation of each SMAS node (a SMAS flap's plane). Global node
 * indices; stiffness exactly as added to the matrix.
 */
export interface ReleasableAttachments {
  readonly subcutaneousA: Int32Array;
  readonly subcutaneousB: Int32Array;
  readonly subcutaneousK: Float64Array;
  readonly subSmasNode: Int32Array;
  readonly subSmasK: Float64Array;
  /** Skin and fat tied to the inferior orbital rim (ORBITAL_RIM_TIE): the ORL along the lid–cheek junction, which
   * a technique releasing 'orbital-retaining' divides with the landmark ORL. Stiffness as added to the matrix. */
  readonly orbitalRimNode: Int32Array;
  readonly orbitalRimK: Float64Array;
}

const gauss = (d2: number, sigma: number): number => Math.exp(-d2 / (2 * sigma * sigma));

const dist2 = (x: number, y: number, z: number, p: Vec3): number => (x - p[0]) ** 2 + (y - p[1]) ** 2 + (z - p[2]) ** 2;

interface SideAnatomy {
  readonly parotid: Vec3;
  readonly ligamentInsertions: readonly Vec3[];
  readonly jowl: Vec3;
  readonly nlUpper: Vec3;
  readonly nlLower: Vec3;
  readonly nlCompartment: Vec3;
  readonly midCheek: Vec3;
  /** Submental fat over the platysma, below the chin (the neck's descending compartment). */
  readonly submental: Vec3;
  /** The marionette (labiomandibular) line, mouth corner → mandibular border medial to the jowl. */
  readonly marionetteUpper: Vec3;
  readonly marionetteLower: Vec3;
  /** Skin insertion of the mental ligament (MENTAL_LIGAMENT), placed from the menton. */
  readonly mental: Vec3;
  /** The lid–cheek junction line over the inferior orbital rim (ORBITAL_RIM_TIE), frontal plane (z = 0), and the
   * depth in front of which it applies. */
  readonly rimA: Vec3;
  readonly rimB: Vec3;
  readonly rimMinZ: number;
  /** Lines of the zygomatic mimetic muscles, origin → insertion (see MIMETIC_UNIT_TIE). */
  readonly mimeticLines: readonly (readonly [Vec3, Vec3])[];
}

/** Landmark-derived anatomy of one side, computed once (anatomyAt runs for every node). */
function sideAnatomy(head: HeadData, side: 'l' | 'r'): SideAnatomy {
  const L = (name: string): Vec3 => head.landmarks[`${name}-${side}` as LandmarkId];
  const sx = side === 'l' ? 1 : -1;
  // Parotid: between tragus and mandibular angle, a little anterior (toward the face).
  const tragus = L('tragus'), angle = L('mandibular-angle');
  const nlU = L('nasolabial-fold-upper'), nlL = L('nasolabial-fold-lower');
  const malar = L('malar-eminence');
  const commissure = L('oral-commissure'), jowl = L('jowl');
  const mc = L('medial-canthus'), lc = L('lateral-canthus');
  return {
    parotid: [(tragus[0] + angle[0]) / 2 - sx * 6, (tragus[1] + angle[1]) / 2, (tragus[2] + angle[2]) / 2 + 10],
    ligamentInsertions: LIGAMENTS.map((lig) => L(`${lig.name}-ligament-insertion`)),
    jowl: L('jowl'),
    nlUpper: nlU,
    nlLower: nlL,
    // The superficial nasolabial compartment lies just lateral to the fold; the middle cheek below the malar.
    nlCompartment: [(nlU[0] + nlL[0]) / 2 + sx * 9, (nlU[1] + nlL[1]) / 2, (nlU[2] + nlL[2]) / 2],
    midCheek: [malar[0] - sx * 4, malar[1] - 12, malar[2]],
    // Below and behind the chin, beside the midline, toward the cervicomental junction (design choice): there the
    // descending fat blunts the cervicomental angle, while the chin's underside, held by the mental ligament, drops
    // less. At sag 1 the angle opens by ≈ 10° (tests/unit/tissue/cervicomental.test.ts), of the order of the 13° a full
    // facelift closes it (Jones & Lo 2012, outcomes sheet §1; the sag scale's full value is what a facelift corrects).
    // Centred 22 mm behind the menton (as before this change), the whole submental shelf dropped in parallel: the
    // angle did not open and the front view showed a dark band under the chin.
    submental: [sx * 12, head.landmarks.menton[1] - 10, head.landmarks.menton[2] - 38],
    marionetteUpper: [commissure[0], commissure[1] - 4, commissure[2] - 1],
    rimA: [mc[0] + 0.25 * (lc[0] - mc[0]), mc[1] + 0.25 * (lc[1] - mc[1]) - LOWER_LID_HEIGHT_MM, 0],
    rimB: [lc[0], lc[1] - LOWER_LID_HEIGHT_MM, 0],
    rimMinZ: lc[2] - 25,
    mental: [sx * MENTAL_LIGAMENT.lateralMm, head.landmarks.menton[1] + MENTAL_LIGAMENT.aboveBorderMm, head.landmarks.pogonion[2]],
    marionetteLower: [jowl[0] - sx * MARIONETTE_MEDIAL_TO_JOWL_MM, jowl[1] - 2, jowl[2] + 4],
    // Zygomaticus major and minor arise together where the zygomatic cutaneous ligament merges at their origin
    // (Duan 2022, reference sheet §2.1: we use the zygomatic ligament's origin); the major inserts at the modiolus
    // (at the oral commissure), the minor (with the LLSAN) into the upper lip along the upper fold.
    mimeticLines: [
      [L('zygomatic-ligament-origin'), L('oral-commissure')],
      [L('zygomatic-ligament-origin'), nlU],
    ],
  };
}

/**
 * The jowl's fat pools at the lower edge of its compartment, over the mandibular border: the centre of its bulge
 * lies this far below the jowl landmark, and pools 1.5× the outward load of the other compartments (the jowl is
 * where the cheek's descending fat accumulates, Kang 2016 / Barton, anatomy sheet §2.2). Design choices.
 */
const JOWL_POOL_BELOW_MM = 4;

const anatomyCache = new WeakMap<HeadData, { l: SideAnatomy; r: SideAnatomy }>();

/**
 * Anatomical fields evaluated at a point. They encode anatomy (where compartments, ligaments and the parotid
 * are, from landmarks), never technique outcomes.
 */
export function anatomyAt(head: HeadData, x: number, y: number, z: number): { mobility: number; fixedLateral: number; ligamentProximity: number; foldTether: number; mimetic: number; bulge: number; mental: number; rim: number } {
  let both = anatomyCache.get(head);
  if (!both) {
    both = { l: sideAnatomy(head, 'l'), r: sideAnatomy(head, 'r') };
    anatomyCache.set(head, both);
  }
  const A = x >= 0 ? both.l : both.r;
  const fixedLateral = gauss(dist2(x, y, z, A.parotid), 16);
  let ligamentProximity = 0;
  for (const ins of A.ligamentInsertions) ligamentProximity = Math.max(ligamentProximity, gauss(dist2(x, y, z, ins), 9));
  // Descending compartments: the jowl, the superficial nasolabial and the middle cheek (Schenck 2018, constants.ts
  // SAG_LAYER_SHARE), and the submental fat over the platysma — the neck that loosens and the lower face that
  // lengthens with age (Kwon 2021, anatomy sheet §3: longer lower face height; the platysma's loose adherence
  // behind the mandibular ligament, §2.2). The submental compartment's place and size are design choices.
  const mobility = Math.max(
    gauss(dist2(x, y, z, A.jowl), 14), gauss(dist2(x, y, z, A.nlCompartment), 11), gauss(dist2(x, y, z, A.midCheek), 15),
    gauss(dist2(x, y, z, A.submental), 16),
  );
  const foldTether = Math.max(
    gauss(segmentDistance2(x, y, z, A.nlUpper, A.nlLower).d2, FOLD_TETHER_WIDTH_MM),
    MARIONETTE_TETHER_SHARE * gauss(segmentDistance2(x, y, z, A.marionetteUpper, A.marionetteLower).d2, FOLD_TETHER_WIDTH_MM),
  );
  // Where descending fat accumulates and bulges (SAG_BULGE): the jowl above the mandibular border, the cheek's
  // lower edge hanging over the nasolabial fold, the submental fat.
  const bulge = Math.max(
    1.5 * gauss(dist2(x, y + JOWL_POOL_BELOW_MM, z, A.jowl), 11), gauss(dist2(x, y, z, A.nlCompartment), 8), 0.4 * gauss(dist2(x, y, z, A.submental), 14),
  );
  let mimetic = 0;
  for (const [o, i] of A.mimeticLines) mimetic = Math.max(mimetic, gauss(segmentDistance2(x, y, z, o, i).d2, MIMETIC_BAND_WIDTH_MM));
  // The mental ligament runs from bone to the chin's skin: every layer within its radius of the line through the
  // insertion, front to back (the chin's soft tissue is ~10 mm thick, §4 of the outcomes sheet), is tied.
  const mental = z > A.mental[2] - 20 ? gauss((x - A.mental[0]) ** 2 + (y - A.mental[1]) ** 2, MENTAL_LIGAMENT.radiusMm / 1.5) : 0;
  const rim = z > A.rimMinZ ? gauss(segmentDistance2(x, y, 0, A.rimA, A.rimB).d2, ORBITAL_RIM_TIE.radiusMm) : 0;
  return { mobility, fixedLateral, ligamentProximity, foldTether, mimetic, bulge, mental, rim };
}

function buildLayer(name: EngineLayer, src: LayerMesh, offset: number): ModelLayer {
  const mesh = clusterMesh(src.positions, src.indices, SIM_CELL_MM);
  const ops = meshOperators(mesh);
  const flat = new Float64Array(mesh.positions.length);
  for (let k = 0; k < mesh.nodeCount; k++) {
    flat[3 * k] = mesh.positions[3 * k]!;
    flat[3 * k + 1] = mesh.positions[3 * k + 1]!;
  }
  return {
    name, mesh, ops, offset,
    vertexCount: src.positions.length / 3,
    flatGrid: new PointGrid(flat, 4),
    grid: new PointGrid(mesh.positions, 5),
  };
}

export function ageingDirection(x: number): Vec3 {
  const a = (AGEING_VECTOR_BELOW_HORIZONTAL_DEG * Math.PI) / 180;
  // Inferomedial: toward the midline and down.
  return [(x >= 0 ? -1 : 1) * Math.cos(a), -Math.sin(a), 0];
}

export function createTissueModel(head: HeadData): TissueModel {
  const t0 = performance.now();
  const skin = buildLayer('skin', head.skin, 0);
  const fat = buildLayer('fat', head.fat, skin.mesh.nodeCount);
  const smas = buildLayer('smas', head.smas, skin.mesh.nodeCount + fat.mesh.nodeCount);
  const layers = { skin, fat, smas };
  const nodeCount = smas.offset + smas.mesh.nodeCount;
  const nodePos = new Float64Array(3 * nodeCount);
  const nodeNormal = new Float64Array(3 * nodeCount);
  const nodeArea = new Float64Array(nodeCount);
  const nodeLayer = new Uint8Array(nodeCount);
  ENGINE_LAYERS.forEach((ln, li) => {
    const l = layers[ln];
    nodePos.set(l.mesh.positions, 3 * l.offset);
    nodeNormal.set(l.ops.normals, 3 * l.offset);
    nodeArea.set(l.ops.area, l.offset);
    nodeLayer.fill(li, l.offset, l.offset + l.mesh.nodeCount);
  });

  // Anatomy per node.
  const mobility = new Float64Array(nodeCount);
  const tightness = new Float64Array(nodeCount);
  const fixedLateral = new Float64Array(nodeCount);
  const foldTether = new Float64Array(nodeCount);
  const mimetic = new Float64Array(nodeCount);
  const bulgeAt = new Float64Array(nodeCount);
  // Per-mm² stiffness of the skin's and fat's ties to bone: mental ligament, orbital rim (the ORL along it).
  const mentalTie = new Float64Array(nodeCount);
  const rimTie = new Float64Array(nodeCount);
  for (let g = 0; g < nodeCount; g++) {
    const a = anatomyAt(head, nodePos[3 * g]!, nodePos[3 * g + 1]!, nodePos[3 * g + 2]!);
    mobility[g] = a.mobility;
    fixedLateral[g] = a.fixedLateral;
    foldTether[g] = a.foldTether;
    mimetic[g] = a.mimetic;
    bulgeAt[g] = a.bulge;
    mentalTie[g] = MENTAL_LIGAMENT.stiffness * a.mental;
    rimTie[g] = ORBITAL_RIM_TIE.stiffness * a.rim;
    // Retinacula: tight near ligaments and over the parotid, loose in the mobile compartments, medium elsewhere.
    const base = 0.1 * (1 - a.mobility);
    tightness[g] = Math.min(1, Math.max(base, a.ligamentProximity, a.fixedLateral));
  }

  // Couplings: each node of a layer to the nearest node of the adjacent layer(s).
  const skinPartner = new Int32Array(nodeCount).fill(-1);
  const couplings: Array<[number, number, number]> = [];
  const couple = (from: ModelLayer, to: ModelLayer, half: boolean): Int32Array => {
    const nearestOf = new Int32Array(from.mesh.nodeCount).fill(-1);
    for (let k = 0; k < from.mesh.nodeCount; k++) {
      const p = from.mesh.positions;
      const j = to.grid.nearest(p[3 * k]!, p[3 * k + 1]!, p[3 * k + 2]!, COUPLING_SEARCH_MM);
      if (j < 0) continue;
      nearestOf[k] = j;
      const a = from.offset + k, b = to.offset + j;
      const tight = Math.max(tightness[a]!, tightness[b]!);
      const kc = (COUPLING_LOOSE + (COUPLING_TIGHT - COUPLING_LOOSE) * tight) * nodeArea[a]! * (half ? 0.5 : 1);
      couplings.push([a, b, kc]);
    }
    return nearestOf;
  };
  const fatToSkin = couple(fat, skin, true);
  couple(skin, fat, true);
  const smasToFat = couple(smas, fat, true);
  const fatToSmas = couple(fat, smas, true);
  // The SMAS–zygomaticus–LLSAN unit medial to the SMAS border (MIMETIC_UNIT_TIE): fat in a muscle's band with no
  // SMAS beneath it is tied to the nearest SMAS node, the muscle's SMAS-enveloped lateral belly.
  for (let k = 0; k < fat.mesh.nodeCount; k++) {
    const a = fat.offset + k;
    if (fatToSmas[k] !== -1 || mimetic[a]! < 0.05) continue;
    const p = fat.mesh.positions;
    const j = smas.grid.nearest(p[3 * k]!, p[3 * k + 1]!, p[3 * k + 2]!, MIMETIC_REACH_MM);
    if (j < 0) continue;
    couplings.push([a, smas.offset + j, MIMETIC_UNIT_TIE * mimetic[a]! * nodeArea[a]!]);
  }
  // SMAS with no fat above it (the fat mesh may not cover it all) couples straight to the skin.
  const smasToSkinDirect = new Int32Array(smas.mesh.nodeCount).fill(-1);
  for (let k = 0; k < smas.mesh.nodeCount; k++) {
    if (smasToFat[k] !== -1) continue;
    const p = smas.mesh.positions;
    const j = skin.grid.nearest(p[3 * k]!, p[3 * k + 1]!, p[3 * k + 2]!, COUPLING_SEARCH_MM);
    if (j < 0) continue;
    smasToSkinDirect[k] = j;
    const a = smas.offset + k;
    couplings.push([a, j, (COUPLING_LOOSE + (COUPLING_TIGHT - COUPLING_LOOSE) * tightness[a]!) * nodeArea[a]!]);
  }
  for (let k = 0; k < fat.mesh.nodeCount; k++) skinPartner[fat.offset + k] = fatToSkin[k]!;
  for (let k = 0; k < smas.mesh.nodeCount; k++) {
    const f = smasToFat[k]!;
    skinPartner[smas.offset + k] = f >= 0 ? fatToSkin[f]! : smasToSkinDirect[k]!;
  }

  // Which skin is supported by deeper layers, and which is far enough to be held fixed.
  const deepPoints = new Float64Array(3 * (fat.mesh.nodeCount + smas.mesh.nodeCount));
  deepPoints.set(fat.mesh.positions, 0);
  deepPoints.set(smas.mesh.positions, 3 * fat.mesh.nodeCount);
  const deepGrid = new PointGrid(deepPoints, 8);
  const unknownOf = new Int32Array(nodeCount).fill(-1);
  const skinSupported = new Uint8Array(skin.mesh.nodeCount);
  let unknownCount = 0;
  for (let g = 0; g < nodeCount; g++) {
    if (nodeLayer[g] === 0) {
      const j = deepGrid.nearest(nodePos[3 * g]!, nodePos[3 * g + 1]!, nodePos[3 * g + 2]!, FIXED_BEYOND_MM);
      if (j < 0) continue; // fixed
      const d = Math.sqrt(dist2(nodePos[3 * g]!, nodePos[3 * g + 1]!, nodePos[3 * g + 2]!, [deepPoints[3 * j]!, deepPoints[3 * j + 1]!, deepPoints[3 * j + 2]!]));
      skinSupported[g] = d < COUPLING_SEARCH_MM ? 1 : 0;
    }
    unknownOf[g] = unknownCount++;
  }

  const builder = new SymmetricBuilder(unknownCount);
  const springTo = (a: number, b: number, k: number): void => {
    const ua = unknownOf[a]!, ub = unknownOf[b]!;
    if (ua >= 0 && ub >= 0) builder.addSpring(ua, ub, k);
    else if (ua >= 0) builder.addDiagonal(ua, k);
    else if (ub >= 0) builder.addDiagonal(ub, k);
  };
  const moduli = { skin: SKIN_MODULUS, fat: FAT_MODULUS, smas: SMAS_MODULUS };
  for (const ln of ENGINE_LAYERS) {
    const l = layers[ln];
    const { edgeA, edgeB, edgeWeight } = l.ops;
    for (let e = 0; e < edgeA.length; e++) springTo(l.offset + edgeA[e]!, l.offset + edgeB[e]!, moduli[ln] * edgeWeight[e]!);
  }
  const subA: number[] = [], subB: number[] = [], subK: number[] = [];
  for (const [a, b, k] of couplings) {
    springTo(a, b, k);
    if (nodeLayer[a] === 0 || nodeLayer[b] === 0) {
      subA.push(a);
      subB.push(b);
      subK.push(k);
    }
  }
  const subSmasNode: number[] = [], subSmasK: number[] = [];
  const orbitalRimNode: number[] = [], orbitalRimK: number[] = [];
  for (let g = 0; g < nodeCount; g++) {
    const u = unknownOf[g]!;
    if (u < 0) continue;
    const area = nodeArea[g]!;
    let kg: number;
    if (nodeLayer[g] === 0) {
      kg = skinSupported[g] ? SKIN_GROUND_BASE : SKIN_GROUND_UNSUPPORTED;
      kg += FOLD_TETHER * foldTether[g]! + mentalTie[g]! + rimTie[g]!;
    } else if (nodeLayer[g] === 1) {
      kg = FAT_GROUND_BASE + FOLD_TETHER * foldTether[g]! + mentalTie[g]! + rimTie[g]!;
    } else {
      // Mobile medial SMAS vs fixed lateral SMAS (over the parotid).
      const fixedness = Math.max(fixedLateral[g]!, 0.25 * (1 - mobility[g]!));
      kg = SMAS_GROUND_MOBILE + (SMAS_GROUND_FIXED - SMAS_GROUND_MOBILE) * fixedness;
      subSmasNode.push(g);
      subSmasK.push(kg * Math.max(area, 1e-3));
    }
    builder.addDiagonal(u, kg * Math.max(area, 1e-3));
    if (nodeLayer[g] !== 2 && rimTie[g]! > 0) {
      orbitalRimNode.push(g);
      orbitalRimK.push(rimTie[g]! * Math.max(area, 1e-3));
    }
  }

  // Ligaments: every node within the ligament's radius of the origin→insertion segment is tied to bone.
  const ligaments: LigamentTie[] = [];
  for (const lig of LIGAMENTS) {
    for (const side of ['l', 'r'] as const) {
      const origin = head.landmarks[`${lig.name}-ligament-origin-${side}` as LandmarkId];
      const insertion = head.landmarks[`${lig.name}-ligament-insertion-${side}` as LandmarkId];
      if (!origin || !insertion) continue;
      const nodes: number[] = [];
      const stiffness: number[] = [];
      const mid: Vec3 = [(origin[0] + insertion[0]) / 2, (origin[1] + insertion[1]) / 2, (origin[2] + insertion[2]) / 2];
      const reach = Math.sqrt(dist2(origin[0], origin[1], origin[2], insertion)) / 2 + 2 * lig.radiusMm;
      for (const ln of ENGINE_LAYERS) {
        const l = layers[ln];
        l.grid.forEachWithin(mid[0], mid[1], mid[2], reach, (k) => {
          const g = l.offset + k;
          if (unknownOf[g]! < 0) return;
          const d2 = segmentDistance2(nodePos[3 * g]!, nodePos[3 * g + 1]!, nodePos[3 * g + 2]!, origin, insertion).d2;
          const w = gauss(d2, lig.radiusMm / 1.5);
          if (w < 0.05) return;
          const k2 = lig.stiffness * Math.max(nodeArea[g]!, 1e-3) * w;
          nodes.push(g);
          stiffness.push(k2);
          builder.addDiagonal(unknownOf[g]!, k2);
        });
      }
      ligaments.push({ name: lig.name, side, origin, insertion, nodes: Int32Array.from(nodes), stiffness: Float64Array.from(stiffness) });
    }
  }

  const matrix = builder.toCsc();
  const coords = new Float64Array(3 * unknownCount);
  for (let g = 0; g < nodeCount; g++) {
    const u = unknownOf[g]!;
    if (u >= 0) coords.set(nodePos.subarray(3 * g, 3 * g + 3), 3 * u);
  }
  const factor = cholesky(matrix, coords);
  const rhs = new Float64Array(3 * unknownCount);
  const sol = new Float64Array(3 * unknownCount);

  // Ageing: a gravity-like load on the mobile compartments plus ligament elongation, solved separately so the
  // gravity part can be calibrated to the design-choice jowl descent while the elongation stays in mm.
  const shares = [SAG_LAYER_SHARE.skin, SAG_LAYER_SHARE.fat, SAG_LAYER_SHARE.smas];
  const jowlL = head.landmarks['jowl-l'], jowlR = head.landmarks['jowl-r'];
  rhs.fill(0);
  const bulgeScale = SAG_BULGE_FRACTION;
  for (let g = 0; g < nodeCount; g++) {
    const u = unknownOf[g]!;
    if (u < 0) continue;
    const x = nodePos[3 * g]!;
    const m = mobility[g]! * shares[nodeLayer[g]!]! * nodeArea[g]!;
    if (m === 0) continue;
    const dir = ageingDirection(x);
    // The load slides the tissue along its surface (the compartments descend over the deeper layer, they are not
    // pressed into it): the ageing vector projected onto the node's tangent plane. Where fat accumulates at the
    // lower edge of its compartment it pushes the skin outward (Cenkeri 2020: inferior volume shift).
    const n0 = nodeNormal[3 * g]!, n1 = nodeNormal[3 * g + 1]!, n2 = nodeNormal[3 * g + 2]!;
    const dn = dir[0]! * n0 + dir[1]! * n1 + dir[2]! * n2;
    const bulge = bulgeScale * bulgeAt[g]!;
    rhs[3 * u] = m * (dir[0]! - dn * n0 + bulge * n0);
    rhs[3 * u + 1] = m * (dir[1]! - dn * n1 + bulge * n1);
    rhs[3 * u + 2] = m * (dir[2]! - dn * n2 + bulge * n2);
  }
  const gravityField = new Float64Array(3 * unknownCount);
  solve3(factor, rhs, gravityField);
  rhs.fill(0);
  for (const lig of ligaments) {
    const dir = ageingDirection(lig.origin[0]);
    for (let k = 0; k < lig.nodes.length; k++) {
      const u = unknownOf[lig.nodes[k]!]!;
      for (let a = 0; a < 3; a++) rhs[3 * u + a]! += lig.stiffness[k]! * LIGAMENT_ELONGATION_AT_FULL_SAG_MM * dir[a]!;
    }
  }
  const laxityField = new Float64Array(3 * unknownCount);
  solve3(factor, rhs, laxityField);
  // Calibrate: mean skin descent near the jowls = JOWL_DESCENT_AT_FULL_SAG_MM.
  let gDescent = 0, lDescent = 0, wSum = 0;
  for (let k = 0; k < skin.mesh.nodeCount; k++) {
    const u = unknownOf[k]!;
    if (u < 0) continue;
    const x = nodePos[3 * k]!, y = nodePos[3 * k + 1]!, z = nodePos[3 * k + 2]!;
    const w = gauss(dist2(x, y, z, x >= 0 ? jowlL : jowlR), 8);
    gDescent += -gravityField[3 * u + 1]! * w;
    lDescent += -laxityField[3 * u + 1]! * w;
    wSum += w;
  }
  const scale = gDescent > 0 ? (JOWL_DESCENT_AT_FULL_SAG_MM - lDescent / wSum) / (gDescent / wSum) : 0;
  const sagUnit = new Float64Array(3 * nodeCount);
  for (let g = 0; g < nodeCount; g++) {
    const u = unknownOf[g]!;
    if (u < 0) continue;
    for (let a = 0; a < 3; a++) sagUnit[3 * g + a] = Math.max(0, scale) * gravityField[3 * u + a]! + laxityField[3 * u + a]!;
  }

  // Region weights per skin node (max over the vertices welded into it).
  const skinNodeRegions = new Float32Array(skin.mesh.nodeCount * REGIONS.length);
  const rw = head.skin.regionWeights;
  for (let v = 0; v < skin.vertexCount; v++) {
    const k = skin.mesh.vertexToNode[v]!; // the vertex's own cluster
    for (let r = 0; r < REGIONS.length; r++) {
      const w = rw[v * REGIONS.length + r]!;
      if (w > skinNodeRegions[k * REGIONS.length + r]!) skinNodeRegions[k * REGIONS.length + r] = w;
    }
  }

  return {
    head, layers, nodeCount, nodePos, nodeNormal, nodeArea, unknownOf, unknownCount, matrix, factor, ligaments,
    skinPartner, sagUnit, skinNodeRegions, rhs, sol, cache: new Map(),
    releasable: {
      subcutaneousA: Int32Array.from(subA), subcutaneousB: Int32Array.from(subB), subcutaneousK: Float64Array.from(subK),
      subSmasNode: Int32Array.from(subSmasNode), subSmasK: Float64Array.from(subSmasK),
      orbitalRimNode: Int32Array.from(orbitalRimNode), orbitalRimK: Float64Array.from(orbitalRimK),
    },
    techniqueFactors: new Map(),
    stats: {
      precomputeMs: performance.now() - t0,
      factorNonZeros: factor.vals.length,
      techniqueFactorMs: {},
      vertexCounts: { skin: skin.vertexCount, fat: fat.vertexCount, smas: smas.vertexCount },
      nodeCounts: { skin: skin.mesh.nodeCount, fat: fat.mesh.nodeCount, smas: smas.mesh.nodeCount },
    },
  };
}
