// A small, strict reader for the one GLB this app ships (public/models/head.glb): meshes with float or
// normalized-integer attributes (KHR_mesh_quantization), optional EXT_meshopt_compression, node TRS
// transforms and scene extras. It returns plain typed arrays in world space, so the page does not need
// three's full GLTFLoader (~25 kB gzip with the classes it drags in) and Node can use the same code.
// Pure: no three, no DOM. The meshopt decoder is passed in (three ships one; so does the meshoptimizer
// package for Node).

export interface MeshoptDecoderLike {
  readonly ready: Promise<void>;
  decodeGltfBuffer(target: Uint8Array, count: number, size: number, source: Uint8Array, mode: string, filter?: string): void;
}

export interface GlbMesh {
  readonly name: string;
  /** Attributes by glTF semantic (POSITION, NORMAL, COLOR_0, _REGION0 …) as float arrays in world space. */
  readonly attributes: Readonly<Record<string, { readonly array: Float32Array; readonly itemSize: number }>>;
  readonly indices: Uint32Array;
}

export interface GlbContent {
  readonly meshes: readonly GlbMesh[];
  readonly extras: Readonly<Record<string, unknown>>;
}

export class GlbError extends Error {}

const COMPONENT: Record<number, { bytes: number; read: (v: DataView, o: number) => number; max: number }> = {
  5120: { bytes: 1, read: (v, o) => v.getInt8(o), max: 127 },
  5121: { bytes: 1, read: (v, o) => v.getUint8(o), max: 255 },
  5122: { bytes: 2, read: (v, o) => v.getInt16(o, true), max: 32767 },
  5123: { bytes: 2, read: (v, o) => v.getUint16(o, true), max: 65535 },
  5125: { bytes: 4, read: (v, o) => v.getUint32(o, true), max: 4294967295 },
  5126: { bytes: 4, read: (v, o) => v.getFloat32(o, true), max: 1 },
};
const ITEM_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };

interface Json {
  buffers?: { byteLength: number }[];
  bufferViews?: {
    buffer: number;
    byteOffset?: number;
    byteLength: number;
    byteStride?: number;
    extensions?: { EXT_meshopt_compression?: { byteOffset?: number; byteLength: number; byteStride: number; count: number; mode: string; filter?: string } };
  }[];
  accessors?: { bufferView?: number; byteOffset?: number; componentType: number; count: number; type: string; normalized?: boolean }[];
  meshes?: { name?: string; primitives: { attributes: Record<string, number>; indices?: number; mode?: number }[] }[];
  nodes?: { name?: string; mesh?: number; children?: number[]; translation?: number[]; rotation?: number[]; scale?: number[]; matrix?: number[] }[];
  scenes?: { nodes?: number[]; extras?: Record<string, unknown> }[];
  scene?: number;
  extensionsRequired?: string[];
}

const SUPPORTED_REQUIRED = new Set(['EXT_meshopt_compression', 'KHR_mesh_quantization']);

/** Column-major 4×4 from TRS (glTF order: T · R · S). */
function trs(node: NonNullable<Json['nodes']>[number]): Float64Array {
  if (node.matrix?.length === 16) return Float64Array.from(node.matrix);
  const [tx, ty, tz] = node.translation ?? [0, 0, 0];
  const [qx, qy, qz, qw] = node.rotation ?? [0, 0, 0, 1];
  const [sx, sy, sz] = node.scale ?? [1, 1, 1];
  const x = qx!, y = qy!, z = qz!, w = qw!;
  return Float64Array.from([
    (1 - 2 * (y * y + z * z)) * sx!, 2 * (x * y + z * w) * sx!, 2 * (x * z - y * w) * sx!, 0,
    2 * (x * y - z * w) * sy!, (1 - 2 * (x * x + z * z)) * sy!, 2 * (y * z + x * w) * sy!, 0,
    2 * (x * z + y * w) * sz!, 2 * (y * z - x * w) * sz!, (1 - 2 * (x * x + y * y)) * sz!, 0,
    tx!, ty!, tz!, 1,
  ]);
}

function multiply(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(16);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += a[k * 4 + r]! * b[c * 4 + k]!;
    out[c * 4 + r] = s;
  }
  return out;
}

export async function readGlb(data: ArrayBuffer, decoder: MeshoptDecoderLike | null): Promise<GlbContent> {
  if (data.byteLength < 20) throw new GlbError('file too short to be a GLB');
  const view = new DataView(data);
  if (view.getUint32(0, true) !== 0x46546c67) throw new GlbError('not a GLB file (bad magic)');
  if (view.getUint32(4, true) !== 2) throw new GlbError('unsupported glTF version');
  let json: Json | null = null;
  let bin: Uint8Array | null = null;
  for (let offset = 12; offset + 8 <= Math.min(view.getUint32(8, true), data.byteLength); ) {
    const length = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    if (offset + 8 + length > data.byteLength) throw new GlbError('truncated GLB chunk');
    const body = new Uint8Array(data, offset + 8, length);
    if (type === 0x4e4f534a) json = JSON.parse(new TextDecoder().decode(body)) as Json;
    else if (type === 0x004e4942) bin = body;
    offset += 8 + length;
  }
  if (!json) throw new GlbError('GLB has no JSON chunk');
  for (const ext of json.extensionsRequired ?? []) if (!SUPPORTED_REQUIRED.has(ext)) throw new GlbError(`unsupported extension ${ext}`);

  const views = new Map<number, { bytes: Uint8Array; stride: number }>();
  const bufferView = async (index: number) => {
    const cached = views.get(index);
    if (cached) return cached;
    const bv = json!.bufferViews?.[index];
    if (!bv || !bin) throw new GlbError(`missing bufferView ${index}`);
    const meshopt = bv.extensions?.EXT_meshopt_compression;
    let result: { bytes: Uint8Array; stride: number };
    if (meshopt) {
      if (!decoder) throw new GlbError('meshopt-compressed GLB needs a decoder');
      await decoder.ready;
      const source = bin.subarray(meshopt.byteOffset ?? 0, (meshopt.byteOffset ?? 0) + meshopt.byteLength);
      const target = new Uint8Array(meshopt.count * meshopt.byteStride);
      decoder.decodeGltfBuffer(target, meshopt.count, meshopt.byteStride, source, meshopt.mode, meshopt.filter ?? 'NONE');
      result = { bytes: target, stride: meshopt.byteStride };
    } else {
      result = { bytes: bin.subarray(bv.byteOffset ?? 0, (bv.byteOffset ?? 0) + bv.byteLength), stride: bv.byteStride ?? 0 };
    }
    views.set(index, result);
    return result;
  };

  const accessor = async (index: number) => {
    const acc = json!.accessors?.[index];
    if (!acc || acc.bufferView === undefined) throw new GlbError(`missing accessor ${index}`);
    const comp = COMPONENT[acc.componentType];
    const itemSize = ITEM_SIZE[acc.type];
    if (!comp || !itemSize) throw new GlbError(`unsupported accessor type ${acc.type}/${acc.componentType}`);
    const { bytes, stride } = await bufferView(acc.bufferView);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const step = stride || comp.bytes * itemSize;
    const base = acc.byteOffset ?? 0;
    if (base + (acc.count - 1) * step + comp.bytes * itemSize > bytes.byteLength) throw new GlbError(`accessor ${index} overruns its buffer`);
    const out = new Float64Array(acc.count * itemSize);
    for (let i = 0; i < acc.count; i++) {
      for (let c = 0; c < itemSize; c++) {
        const raw = comp.read(dv, base + i * step + c * comp.bytes);
        out[i * itemSize + c] = acc.normalized ? Math.max(raw / comp.max, -1) : raw;
      }
    }
    return { array: out, itemSize };
  };

  const meshes: GlbMesh[] = [];
  const visit = async (nodeIndex: number, parent: Float64Array) => {
    const node = json!.nodes?.[nodeIndex];
    if (!node) throw new GlbError(`missing node ${nodeIndex}`);
    const world = multiply(parent, trs(node));
    if (node.mesh !== undefined) {
      const mesh = json!.meshes?.[node.mesh];
      const prim = mesh?.primitives[0];
      if (!mesh || !prim || prim.indices === undefined) throw new GlbError(`mesh ${node.mesh} has no indexed triangles`);
      const attributes: Record<string, { array: Float32Array; itemSize: number }> = {};
      for (const [semantic, accIndex] of Object.entries(prim.attributes)) {
        const { array, itemSize } = await accessor(accIndex);
        const f32 = new Float32Array(array.length);
        if (semantic === 'POSITION' || semantic === 'NORMAL') {
          const w = semantic === 'POSITION' ? 1 : 0;
          for (let i = 0; i < array.length; i += 3) {
            const x = array[i]!, y = array[i + 1]!, z = array[i + 2]!;
            f32[i] = world[0]! * x + world[4]! * y + world[8]! * z + w * world[12]!;
            f32[i + 1] = world[1]! * x + world[5]! * y + world[9]! * z + w * world[13]!;
            f32[i + 2] = world[2]! * x + world[6]! * y + world[10]! * z + w * world[14]!;
            if (semantic === 'NORMAL') {
              const len = Math.hypot(f32[i]!, f32[i + 1]!, f32[i + 2]!) || 1;
              f32[i] = f32[i]! / len;
              f32[i + 1] = f32[i + 1]! / len;
              f32[i + 2] = f32[i + 2]! / len;
            }
          }
        } else f32.set(array);
        attributes[semantic] = { array: f32, itemSize };
      }
      const idx = await accessor(prim.indices);
      meshes.push({ name: node.name ?? mesh.name ?? '', attributes, indices: Uint32Array.from(idx.array) });
    }
    for (const child of node.children ?? []) await visit(child, world);
  };
  const scene = json.scenes?.[json.scene ?? 0];
  if (!scene) throw new GlbError('GLB has no scene');
  const identity = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  for (const n of scene.nodes ?? []) await visit(n, identity);
  return { meshes, extras: scene.extras ?? {} };
}
