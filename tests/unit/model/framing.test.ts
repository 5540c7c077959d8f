// The default framing on the committed head: the jawline, the neck and the top of the shoulders are in the
// picture, and the bust's shoulders do not shrink the face.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadData } from '../../../scripts/lib/load-head.ts';
import { MM_PER_GLTF_UNIT, type HeadData } from '../../../src/core/anatomy/headData.ts';
import { CAMERA_FOV_DEG, FRAME_BELOW_MENTON, VIEW_ELEVATION, cameraDistance, headFraming } from '../../../src/scene/views.ts';

let head: HeadData;
let metres: Float32Array;
beforeAll(async () => {
  head = await loadHeadData(process.env.HEAD_GLB ?? 'public/models/head.glb');
  metres = head.skin.positions.map((v) => v / MM_PER_GLTF_UNIT);
});

describe('headFraming', () => {
  it('rejects an empty skin', () => {
    expect(() => headFraming([], 0)).toThrow(/no skin vertices/);
  });

  for (const aspect of [16 / 9, 390 / 844, 1080 / 1920]) {
    it(`frames crown to below the menton, face large enough, at aspect ${aspect.toFixed(2)}`, () => {
      const m = (p: readonly [number, number, number]): [number, number, number] => [p[0] / MM_PER_GLTF_UNIT, p[1] / MM_PER_GLTF_UNIT, p[2] / MM_PER_GLTF_UNIT];
      const menton = m(head.landmarks.menton), vertex = m(head.landmarks.vertex), glabella = m(head.landmarks.glabella);
      const { center, radius } = headFraming(metres, menton[1]);
      const d = cameraDistance(radius, aspect);
      // front camera: visible half-height at the centre's depth (small elevation ignored)
      const half = d * Math.tan((CAMERA_FOV_DEG * Math.PI) / 360) * Math.cos(VIEW_ELEVATION);
      const lowest = menton[1] - FRAME_BELOW_MENTON;
      // the crown and the neck down to the top of the shoulders are inside the picture
      expect(vertex[1]).toBeLessThanOrEqual(center[1] + half);
      expect(lowest).toBeGreaterThanOrEqual(center[1] - half);
      // the shoulders really are in the mesh below that line, yet wider than the framed box
      let shoulder = 0;
      for (let i = 0; i < metres.length; i += 3) if (metres[i + 1]! < lowest) shoulder = Math.max(shoulder, Math.abs(metres[i]!));
      expect(shoulder).toBeGreaterThan(radius);
      // the face (glabella → menton) fills at least a fifth of the picture's height on a landscape screen
      const face = glabella[1] - menton[1];
      if (aspect > 1) expect(face / (2 * half)).toBeGreaterThan(0.2);
    });
  }
});
