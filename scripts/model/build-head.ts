// npm run build:model — regenerates public/models/head.glb (the default patient) and, from it, head-male.glb (the
// second patient, scripts/model/male.ts) deterministically from MediaPipe's canonical face
// (npm package @mediapipe/face_mesh) and the code in scripts/model. No network, no randomness, no timestamps.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Document, NodeIO, type Primitive } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { quantize, reorder } from '@gltf-transform/functions';
import { MeshoptEncoder, MeshoptSimplifier } from 'meshoptimizer';
import { GLB_MESH_NAMES, MM_PER_GLTF_UNIT } from '../../src/core/anatomy/headData.ts';
import { LANDMARK_IDS } from '../../src/core/anatomy/landmarks.ts';
import { browMask, computeLandmarks, computeMeasures, hairMask, lipMask, regionWeights, type Landmarks } from './anatomy-map.ts';
import { type HairlineSpec, HAIR_QUANTIZE_PATTERN, bunShade, hairThickness, lockDisplacement, strandAttributes, strandShade, womanComb } from './hair.ts';
import { type V3, compact, dist, edgeReport, fillGridNarrowBand, lerp, makeGrid, marchingTetrahedra, smoothGridRegion, taubin, vertexNormals } from './geom.ts';
import { buildHeadField, partingDepth } from './head-sdf.ts';
import { dtfDepth, dtfExtent, eyeMesh, offsetSheet, skinThickness, smasDepth, smasExtent } from './layers.ts';
import { surfaceQuery } from './surface.ts';
import { skinToneFactor } from './skin-tone.ts';
import { buildMaleHead } from './male.ts';
import { HEAD_FILES } from '../../src/core/model/patients.ts';
import { MeshQuery } from './mesh-query.ts';
import { chinShadow } from './chin-shadow.ts';
import { fatFloorDepth, placeSkull, softTissueExtras } from './skull.ts';
import { frankfortAngle, ligamentAnchors, ligamentBands, zygomaticus } from './ligaments.ts';

export interface BuildOptions {
  out?: string;
  gridMm?: number;
  log?: (msg: string) => void;
}

export const SKIN_TRIANGLES = 64000;
export const SKIN_LOD_TRIANGLES = 18000;
/**
 * Triangles of the lighter skin copy the soft-tissue sheets are cut from. 50000 (was 44000): the hair's volume,
 * parting and roll draw the simplifier's triangles to the scalp, which left the SMAS sheet under the face with
 * fewer vertices than the engine's tests ask for (≥ 3000). 56000 since the lateral cheek and jaw were smoothed
 * (head-sdf.ts LATERAL_FACE_SMOOTHING): a smoother face needs fewer triangles for the same error, and the SMAS
 * sheet fell to 2950 vertices again. Design choice.
 */
export const LAYER_SOURCE_TRIANGLES = 56000;

/**
 * Radius around each lateral canthus (mm) within which the skin keeps the iso-surface's vertices (≈ 1.6 mm apart)
 * instead of simplified ones: more than the crow's feet's inner radius plus their fade (wrinkles.ts, 8 − 3 mm) and
 * the fan centre's offset (2 mm), so every edge reaching into the fan there is short. Design choice.
 */
const CANTHUS_KEEP_MM = 9;

interface Mesh {
  positions: Float32Array;
  indices: Uint32Array;
}

/** Edge collapses can leave back-to-back twin triangles (a fin); dropping each such pair restores manifoldness. */
function dropFins(indices: Uint32Array): Uint32Array {
  const key = (t: number): string => {
    const v = [indices[t]!, indices[t + 1]!, indices[t + 2]!].sort((a, b) => a - b);
    return v.join(',');
  };
  const count = new Map<string, number>();
  for (let t = 0; t < indices.length; t += 3) count.set(key(t), (count.get(key(t)) ?? 0) + 1);
  const out: number[] = [];
  for (let t = 0; t < indices.length; t += 3) if (count.get(key(t)) === 1) out.push(indices[t]!, indices[t + 1]!, indices[t + 2]!);
  return Uint32Array.from(out);
}

/**
 * Simplifies to about targetTriangles. With `colourMasks` (per-vertex masks, `stride` per vertex), the simplifier
 * also keeps the masks' edges (hairline, vermilion border, brows) on triangle edges, so the vertex colours along
 * them do not come out as spikes.
 */
function simplify(mesh: Mesh, targetTriangles: number, colourMasks?: { data: Float32Array; stride: number; weights: number[] }, lock: Uint8Array | null = null): Mesh {
  // an edge collapse can, rarely, leave an edge shared by four triangles: the target is then lowered a little and
  // the simplification run again (deterministic: the same input always takes the same tries)
  let out: Mesh | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const target = (targetTriangles - attempt * 11) * 3;
    const [idx] = colourMasks
      ? MeshoptSimplifier.simplifyWithAttributes(mesh.indices, mesh.positions, 3, colourMasks.data, colourMasks.stride, colourMasks.weights, lock, target, 0.05, [])
      : MeshoptSimplifier.simplify(mesh.indices, mesh.positions, 3, target, 0.05, []);
    const c = compact(mesh.positions, dropFins(idx));
    out = { positions: c.positions, indices: c.indices };
    if (edgeReport(out.indices).nonManifold === 0) break;
  }
  return out!;
}

/** Keeps only the connected component with the most triangles (drops stray islands). */
function largestComponent(mesh: Mesh): Mesh {
  const n = mesh.positions.length / 3;
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const a = find(mesh.indices[t]!), b = find(mesh.indices[t + 1]!), c = find(mesh.indices[t + 2]!);
    parent[b] = a;
    parent[find(c)] = a;
  }
  const count = new Map<number, number>();
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const r = find(mesh.indices[t]!);
    count.set(r, (count.get(r) ?? 0) + 1);
  }
  let best = -1, bestN = -1;
  for (const [r, k] of count) if (k > bestN || (k === bestN && r < best)) [best, bestN] = [r, k];
  const keep: number[] = [];
  for (let t = 0; t < mesh.indices.length; t += 3) if (find(mesh.indices[t]!) === best) keep.push(mesh.indices[t]!, mesh.indices[t + 1]!, mesh.indices[t + 2]!);
  const c = compact(mesh.positions, Uint32Array.from(keep));
  return { positions: c.positions, indices: c.indices };
}

const P = (a: Float32Array, i: number): V3 => [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];

/**
 * The skin's positions with the hair's locks (hair.ts lockDisplacement) raised along the vertex normals: only the
 * shown surface of the hair; the meshes every measurement and layer is taken from stay as they are.
 */
function withLocks(m: Mesh, hairline: HairlineSpec): Float32Array {
  const normals = vertexNormals(m.positions, m.indices);
  const out = Float32Array.from(m.positions);
  for (let i = 0; i < out.length / 3; i++) {
    const d = lockDisplacement(P(m.positions, i), hairline);
    if (d !== 0) for (let k = 0; k < 3; k++) out[i * 3 + k] = out[i * 3 + k]! + d * normals[i * 3 + k]!;
  }
  return out;
}

function skinAttributes(positions: Float32Array, lm: Landmarks, field: ReturnType<typeof buildHeadField>) {
  const n = positions.length / 3;
  const r0 = new Float32Array(n * 3), r1 = new Float32Array(n * 3), color = new Float32Array(n * 3);
  // design choices (linear RGB; the scene's skin material is white, so these are the colours lit): a light-medium
  // East Asian skin tone (warm beige, not pink), a faint warmth over the cheeks, dusty-rose lips, dark brown hair
  // drawn back (light enough that its combed strands and their highlight show, not a near-black cap) (the parting a little lighter: scalp showing through) and soft dark-brown brows
  const skinTone: V3 = [0.7, 0.485, 0.355];
  const cheekTone: V3 = [0.7, 0.43, 0.33];
  const hairTone: V3 = [0.06, 0.041, 0.031];
  const lipTone: V3 = [0.55, 0.27, 0.25];
  const browTone: V3 = [0.085, 0.06, 0.048];
  const cheek = (p: V3): number => {
    const m = lm[p[0] >= 0 ? 'malar-eminence-l' : 'malar-eminence-r'];
    return 0.45 * Math.exp(-0.5 * (((p[0] - m[0]) / 14) ** 2 + ((p[1] - m[1] + 8) / 12) ** 2 + ((p[2] - m[2]) / 16) ** 2));
  };
  for (let i = 0; i < n; i++) {
    const p = P(positions, i);
    const w = regionWeights(p, lm);
    r0.set([w[0], w[1], w[2]], i * 3);
    r1.set([w[3], w[4], w[5]], i * 3);
    const h = hairMask(p, field);
    const l = lipMask(p, field);
    const b = 0.9 * browMask(p, field);
    const c = cheek(p);
    const shade = h > 0 ? strandShade(p, field.hairline) * bunShade(p, field.hairline) * (1 + 1.2 * Math.min(1, partingDepth(p, field.hairline))) : 1;
    // the bare skin's own variation (skin-tone.ts) under the lips, brows and hair laid over it
    const tone = skinToneFactor(p, lm);
    for (let k = 0; k < 3; k++) color[i * 3 + k] = lerp(lerp(lerp(lerp(skinTone[k]!, cheekTone[k]!, c) * tone[k]!, lipTone[k]!, l), browTone[k]!, b), hairTone[k]! * shade, h);
  }
  return { r0, r1, color };
}

export async function buildHead(options: BuildOptions = {}): Promise<Uint8Array> {
  const log = options.log ?? (() => {});
  const step = options.gridMm ?? 1.6;
  await MeshoptSimplifier.ready;
  await MeshoptEncoder.ready;
  const field = buildHeadField();
  const grid = makeGrid([-180, -256, -130], [180, 140, 132], step); // head, bun, neck, shoulders and upper chest
  fillGridNarrowBand(grid, field.sdf);
  // the lateral cheek, jaw angle and jaw underside low-passed (head-sdf.ts LATERAL_FACE_SMOOTHING, HULL_SMOOTHING)
  for (const sm of field.smoothing) smoothGridRegion(grid, sm.sigmaMm, sm.weight, sm.bounds);
  log(`grid ${grid.nx}×${grid.ny}×${grid.nz} filled`);
  let raw: Mesh = marchingTetrahedra(grid);
  raw = largestComponent(raw);
  taubin(raw.positions, raw.indices, 5);
  log(`iso-surface: ${raw.indices.length / 3} triangles`);
  // the colour masks on the iso-surface, so the simplified skins keep their edges (design choice: weights)
  const nRaw = raw.positions.length / 3;
  const masks = new Float32Array(nRaw * 3);
  for (let i = 0; i < nRaw; i++) {
    const p = P(raw.positions, i);
    masks.set([hairMask(p, field), lipMask(p, field), browMask(p, field)], i * 3);
  }
  const colourMasks = { data: masks, stride: 3, weights: [0, 0.5, 0.5] };
  // the iso-surface's own vertices are kept around each lateral canthus (CANTHUS_KEEP_MM): the crow's feet fan out
  // from there, and their crease coordinate (src/core/tissue/wrinkles.ts, an angle about the fan's centre) turns
  // fast near it; a long simplified edge from the centre into the fan drew a stray line across it
  const lock = new Uint8Array(nRaw);
  for (let i = 0; i < nRaw; i++) {
    const p = P(raw.positions, i);
    if (field.eyes.some((e) => dist(p, e.lateralCanthus) < CANTHUS_KEEP_MM)) lock[i] = 1;
  }
  const skin = simplify(raw, SKIN_TRIANGLES, colourMasks, lock);
  const skinLod = simplify(raw, SKIN_LOD_TRIANGLES, colourMasks);
  const layerSrc = simplify(raw, LAYER_SOURCE_TRIANGLES);
  for (const [name, m] of [['skin', skin], ['skin_lod', skinLod]] as const) {
    const r = edgeReport(m.indices);
    if (r.boundary || r.nonManifold || r.badlyOriented) log(`PROBLEM: ${name} not a closed manifold: ${JSON.stringify(r)}`);
  }
  log(`skin ${skin.indices.length / 3} tris / ${skin.positions.length / 3} verts; lod ${skinLod.indices.length / 3}`);

  // bone: the scanned skull placed under the face by soft-tissue thickness (scripts/model/skull.ts)
  const skinQ = surfaceQuery(skin.positions, skin.indices);
  const lmPre = computeLandmarks(field, skinQ, () => 1); // bone-free pass: skin landmarks for the placement
  const placed = await placeSkull(skin, lmPre, 'female', { minDepth: fatFloorDepth, eyeCenters: field.eyes.map((e) => e.center), log });
  const { cranium: skull, mandible } = placed;
  log(`skull ${skull.indices.length / 3} tris, mandible ${mandible.indices.length / 3} tris`);
  const boneQ = new MeshQuery({ positions: Float32Array.from([...skull.positions, ...mandible.positions]), indices: Uint32Array.from([...skull.indices, ...Array.from(mandible.indices, (i) => i + skull.positions.length / 3)]) });
  const boneAt = (x: number, y: number, z: number): number => boneQ.signedDistance([x, y, z]);
  const anchors = ligamentAnchors(placed, skin, lmPre);
  const lm = computeLandmarks(field, skinQ, boneAt, anchors);

  // soft-tissue sheets (open sheets, offset inward from a lighter copy of the skin)
  const lp = layerSrc.positions;
  const eyeHole = (p: V3): boolean => field.eyes.some((e) => Math.hypot(p[0] - e.center[0], p[1] - e.center[1], p[2] - e.center[2]) < 19);
  const earZone = (p: V3): boolean => Math.abs(p[0]) > 64 && p[2] < 12 && p[2] > -48 && p[1] > -42 && p[1] < 44;
  const fatKeep = (i: number): boolean => {
    const p = P(lp, i);
    return p[1] < 70 && p[1] > -165 && p[2] > (p[1] < -80 ? -30 : 0) && !eyeHole(p) && !earZone(p) && lipMask(p, field) < 0.5;
  };
  // the depths are below the scalp, not below the hair standing off it: where the skin copy is hair, its thickness
  // (hair.ts hairThickness) is added, so the sheets keep their sourced depths under the hair-bearing temple
  const hairOver = (i: number): number => hairThickness(P(lp, i), field.hairline);
  const fat = offsetSheet(lp, layerSrc.indices, fatKeep, (i) => skinThickness(P(lp, i)) + hairOver(i));
  const smas = offsetSheet(lp, layerSrc.indices, (i) => smasExtent(P(lp, i), lm) > 0.5 && !eyeHole(P(lp, i)), (i) => smasDepth(P(lp, i), lm) + hairOver(i));
  const dtf = offsetSheet(lp, layerSrc.indices, (i) => dtfExtent(P(lp, i)) > 0.5, (i) => dtfDepth() + hairOver(i));
  const ligaments = ligamentBands(anchors);
  const zyg = zygomaticus(placed, skin, lm);
  for (const m of zyg.muscles) if (m.side === 'l') log(`${m.name}: ${frankfortAngle(m).toFixed(1)}° to the horizontal (frontal projection), ${dist(m.origin, m.insertion).toFixed(1)} mm long`);
  const eyes = eyeMesh(field);

  // ---- glTF ----
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene('head');
  const s = 1 / MM_PER_GLTF_UNIT;
  const toMetres = (a: Float32Array): Float32Array<ArrayBuffer> => Float32Array.from(a, (v) => v * s);
  const addMesh = (name: string, m: Mesh, extra: Record<string, { data: Float32Array | Uint16Array; type: 'VEC4' | 'VEC3' | 'VEC2' | 'SCALAR' }> = {}): Primitive => {
    const prim = doc.createPrimitive();
    prim.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(toMetres(m.positions)).setBuffer(buffer));
    prim.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(Float32Array.from(vertexNormals(m.positions, m.indices))).setBuffer(buffer));
    for (const [attr, v] of Object.entries(extra)) {
      // integer data (the strand phase) is stored as it is, normalized; float data is quantized below
      const acc = doc.createAccessor().setType(v.type).setBuffer(buffer);
      prim.setAttribute(attr, v.data instanceof Uint16Array ? acc.setArray(Uint16Array.from(v.data)).setNormalized(true) : acc.setArray(Float32Array.from(v.data)));
    }
    prim.setIndices(doc.createAccessor().setType('SCALAR').setArray(Uint32Array.from(m.indices)).setBuffer(buffer));
    const mesh = doc.createMesh(name).addPrimitive(prim);
    scene.addChild(doc.createNode(name).setMesh(mesh));
    return prim;
  };
  const comb = womanComb(field.hairline);
  // the chin's and the jaw's soft shadow on the neck (chin-shadow.ts), cast by the full skin onto each skin copy
  const occluder = { positions: withLocks(skin, field.hairline), indices: skin.indices };
  for (const [name, mesh] of [[GLB_MESH_NAMES.skin, skin], [GLB_MESH_NAMES.skinLod, skinLod]] as const) {
    const m = { positions: withLocks(mesh, field.hairline), indices: mesh.indices };
    const a = skinAttributes(m.positions, lm, field);
    const shadow = chinShadow(m, occluder, lm);
    for (let i = 0; i < a.color.length; i++) a.color[i] = a.color[i]! * shadow[Math.floor(i / 3)]!;
    const st = strandAttributes(m.positions, vertexNormals(m.positions, m.indices), comb, (p) => hairMask(p, field));
    addMesh(name, m, {
      COLOR_0: { data: a.color, type: 'VEC3' },
      _REGION0: { data: a.r0, type: 'VEC3' },
      _REGION1: { data: a.r1, type: 'VEC3' },
      _HAIR: { data: st.hair, type: 'VEC4' },
      _STRAND: { data: st.strand, type: 'SCALAR' },
    });
  }
  const regionsOf = (m: Mesh) => {
    const n = m.positions.length / 3;
    const r0 = new Float32Array(n * 3), r1 = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const w = regionWeights(P(m.positions, i), lm);
      r0.set([w[0], w[1], w[2]], i * 3);
      r1.set([w[3], w[4], w[5]], i * 3);
    }
    return { _REGION0: { data: r0, type: 'VEC3' as const }, _REGION1: { data: r1, type: 'VEC3' as const } };
  };
  // region weights of the sheets are taken at their source skin vertex so they match the skin above
  const sheetRegions = (sh: { positions: Float32Array; indices: Uint32Array; source: Uint32Array }) => {
    const src = new Float32Array(sh.source.length * 3);
    sh.source.forEach((v, i) => src.set(P(lp, v), i * 3));
    return regionsOf({ positions: src, indices: sh.indices });
  };
  addMesh(GLB_MESH_NAMES.fat, fat, sheetRegions(fat));
  addMesh(GLB_MESH_NAMES.smas, smas, sheetRegions(smas));
  addMesh(GLB_MESH_NAMES.deepTemporalFascia, dtf);
  addMesh(GLB_MESH_NAMES.skull, skull);
  addMesh(GLB_MESH_NAMES.mandible, mandible);
  addMesh(GLB_MESH_NAMES.ligaments, ligaments);
  addMesh(GLB_MESH_NAMES.muscles, zyg.mesh);
  addMesh(GLB_MESH_NAMES.eyes, eyes, { COLOR_0: { data: eyes.colors, type: 'VEC3' } });
  const landmarks: Record<string, [number, number, number]> = {};
  for (const id of LANDMARK_IDS) {
    const p = lm[id];
    landmarks[id] = [round6(p[0] * s), round6(p[1] * s), round6(p[2] * s)];
  }
  const m3 = (p: readonly number[]): [number, number, number] => [round6(p[0]! * s), round6(p[1]! * s), round6(p[2]! * s)];
  // the pairs the soft-tissue test measures on the meshes (bone point; target mean ± SD in mm)
  const softTissue = softTissueExtras(placed);
  const muscles = zyg.muscles.map((m) => ({ id: `${m.name}-${m.side}`, origin: m3(m.origin), insertion: m3(m.insertion) }));
  const measures: Record<string, [number, number, number]> = {};
  for (const [id, p] of Object.entries(computeMeasures(field, skinQ))) measures[id] = m3(p);
  log(`warp: ${JSON.stringify(Object.fromEntries(Object.entries(field.warp.after).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  scene.setExtras({ landmarks, measures, softTissue, sex: 'female', muscles, units: 'metres', frame: '+x subject left, +y up, +z forward, origin mid-tragi' });
  doc.getRoot().setDefaultScene(scene);
  await doc.transform(
    reorder({ encoder: MeshoptEncoder, target: 'size' }),
    quantize({ pattern: HAIR_QUANTIZE_PATTERN, quantizePosition: 14, quantizeNormal: 8, quantizeColor: 8, quantizeGeneric: 8 }),
  );
  doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  const glb = await io.writeBinary(doc);
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, glb);
  }
  log(`wrote ${glb.byteLength} bytes`);
  return glb;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const out = resolve(process.argv[2] ?? `public/models/${HEAD_FILES.female}`);
  const t0 = performance.now();
  const log = (m: string) => console.log(`[build:model] ${m} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const female = await buildHead({ out, log });
  // The second patient: the same soft tissue displaced (same topology), written next to the first, with the skull
  // placed again under his face by the male soft-tissue thicknesses (male.ts).
  writeFileSync(resolve(dirname(out), HEAD_FILES.male), await buildMaleHead(female, { log }));
}
