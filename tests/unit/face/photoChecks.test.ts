// Which face of a photo is fitted, and which photos are refused (src/core/face/photoChecks.ts chooseFace): pictures
// and landmark sets made here, so each verdict has a cause the test controls.
import { describe, expect, it } from 'vitest';
import { FACE_MESH_POINTS } from '../../../src/core/face/faceFit.ts';
import { MIN_INTERCANTHAL_PX, chooseFace } from '../../../src/core/face/photoChecks.ts';

const W = 640, H = 480;

/** A w × h RGBA picture: grey `level`, with a fine checker of ±`texture` where `textured(x, y)`. */
function picture(level: number, texture: number, textured: (x: number, y: number) => boolean = () => true) {
  const rgba = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = level + (textured(x, y) ? ((x >> 1) + (y >> 1)) % 2 ? texture : -texture : 0);
      rgba.set([v, v, v, 255], (y * W + x) * 4);
    }
  return { width: W, height: H, rgba };
}

/** 468 points filling the box (x, y, size px), inner eye corners (133, 362) `en` px apart at its upper middle. */
function face(x: number, y: number, size: number, en = size * 0.25): Float32Array {
  const out = new Float32Array(FACE_MESH_POINTS * 3);
  for (let i = 0; i < FACE_MESH_POINTS; i++) out.set([x + ((i * 37) % 100) / 99 * size, y + ((i * 53) % 100) / 99 * size, 0], i * 3);
  out.set([x + size / 2 - en / 2, y + size * 0.4, 0], 133 * 3);
  out.set([x + size / 2 + en / 2, y + size * 0.4, 0], 362 * 3);
  return out;
}

describe('choosing the face to fit', () => {
  it('reports no face, or too dark when the whole picture is dark', () => {
    expect(chooseFace([], picture(120, 30))).toEqual({ ok: false, problem: 'no-face' });
    expect(chooseFace([], picture(15, 5))).toEqual({ ok: false, problem: 'too-dark' });
  });

  it('takes the largest of several faces and counts them', () => {
    const small = face(20, 20, 120), large = face(300, 100, 260);
    const choice = chooseFace([small, large], picture(120, 30));
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.landmarks).toBe(large);
    expect(choice.faceCount).toBe(2);
    const reversed = chooseFace([large, small], picture(120, 30));
    expect(reversed.ok && reversed.landmarks).toBe(large);
  });

  it('refuses a face whose eyes are too close together in the picture', () => {
    const choice = chooseFace([face(100, 100, 200, MIN_INTERCANTHAL_PX - 1)], picture(120, 30));
    expect(choice).toMatchObject({ ok: false, problem: 'face-too-small' });
    expect(chooseFace([face(100, 100, 200, MIN_INTERCANTHAL_PX + 5)], picture(120, 30)).ok).toBe(true);
  });

  it('judges light and sharpness on the face itself, not on the rest of the picture', () => {
    const inFace = (x: number, y: number) => x >= 100 && x < 300 && y >= 100 && y < 300;
    const f = face(100, 100, 200);
    // sharp face on a flat background: fine; flat face on a sharp background: blurred
    expect(chooseFace([f], picture(120, 30, inFace)).ok).toBe(true);
    expect(chooseFace([f], picture(120, 30, (x, y) => !inFace(x, y)))).toMatchObject({ ok: false, problem: 'blurred' });
    // a dark face is too dark even with texture
    expect(chooseFace([f], picture(25, 10))).toMatchObject({ ok: false, problem: 'too-dark' });
  });
});
