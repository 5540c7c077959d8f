// Reads MediaPipe's canonical face geometry (Apache-2.0, shipped in the npm package @mediapipe/face_mesh)
// straight out of the packed asset bundle. The byte range of geometry_pipeline_metadata_landmarks.binarypb is
// looked up in the package's loader script so a package update that moves it is noticed, not silently misread.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CanonicalMask {
  /** xyz per vertex, centimetres, MediaPipe's canonical frame. */
  readonly positions: Float64Array;
  readonly indices: Uint32Array;
}

const ASSET = 'geometry_pipeline_metadata_landmarks.binarypb';

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@mediapipe/face_mesh/package.json'));
}

function byteRange(loaderSource: string): [number, number] {
  const at = loaderSource.indexOf(ASSET);
  if (at < 0) throw new Error(`${ASSET} not listed in the packed-asset loader`);
  const tail = loaderSource.slice(at, at + 200);
  const start = /"start":\s*(\d+)/.exec(tail);
  const end = /"end":\s*(\d+)/.exec(tail);
  if (!start || !end) throw new Error(`no byte range for ${ASSET}`);
  return [Number(start[1]), Number(end[1])];
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  varint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('truncated varint');
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return result;
    }
  }
  float(): number {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 4);
    this.pos += 4;
    return view.getFloat32(0, true);
  }
  bytesField(): Uint8Array {
    const len = this.varint();
    const out = this.bytes.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytesField();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

export function loadCanonicalMask(): CanonicalMask {
  const dir = packageDir();
  const [start, end] = byteRange(readFileSync(join(dir, 'face_mesh_solution_packed_assets_loader.js'), 'utf8'));
  const data = readFileSync(join(dir, 'face_mesh_solution_packed_assets.data')).subarray(start, end);
  const top = new Reader(data);
  let mesh: Uint8Array | undefined;
  while (!top.done) {
    const key = top.varint();
    if (key >>> 3 === 1 && (key & 7) === 2) mesh = top.bytesField();
    else top.skip(key & 7);
  }
  if (!mesh) throw new Error('canonical mesh (field 1) missing');
  const floats: number[] = [];
  const ints: number[] = [];
  const r = new Reader(mesh);
  while (!r.done) {
    const key = r.varint();
    const field = key >>> 3;
    const wire = key & 7;
    if (field === 3 && wire === 5) floats.push(r.float());
    else if (field === 3 && wire === 2) {
      const sub = new Reader(r.bytesField());
      while (!sub.done) floats.push(sub.float());
    } else if (field === 4 && wire === 0) ints.push(r.varint());
    else if (field === 4 && wire === 2) {
      const sub = new Reader(r.bytesField());
      while (!sub.done) ints.push(sub.varint());
    } else r.skip(wire);
  }
  const count = floats.length / 5;
  if (count !== 468 || ints.length !== 898 * 3) throw new Error(`unexpected canonical mesh: ${count} vertices, ${ints.length / 3} triangles`);
  const positions = new Float64Array(count * 3);
  for (let i = 0; i < count; i++) for (let k = 0; k < 3; k++) positions[i * 3 + k] = floats[i * 5 + k]!;
  return { positions, indices: Uint32Array.from(ints) };
}
