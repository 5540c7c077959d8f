// The hair's strands (issue #12: hair that reads as hair, not a painted cap) come from two vertex attributes of each
// patient's skin (scripts/model/hair.ts strandAttributes) that the skin shader reads (src/scene/hairShading.ts).
// Measured on the committed files: the hair weight is where the hair's colour is and nowhere on the bare surgical
// sites, the strand direction lies in the scalp and runs back over the top of the head, and the across-strand
// phase is continuous over the hair (a jump would draw a seam of squeezed strands). Also: the shader patch's
// anchors exist in three's skin shader (a three upgrade that renamed them would silently drop the hair).
import { beforeAll, describe, expect, it } from 'vitest';
import { MeshStandardMaterial, ShaderLib, type WebGLProgramParametersWithUniforms, type WebGLRenderer } from 'three';
import { readHeadDocument, readMesh } from '../../../scripts/lib/load-head.ts';
import { GLB_MESH_NAMES } from '../../../src/core/anatomy/headData.ts';
import { HAIR_STRAND_CYCLES, enableHairShading } from '../../../src/scene/hairShading.ts';
import { STRAND_CYCLES, hairlineSpec } from '../../../scripts/model/hair.ts';
import { COMMITTED_PATIENTS } from './helpers.ts';

/** Relative luminance below which a skin vertex's colour is hair (as hair-sites.test.ts). Design choice. */
const HAIR_LUMINANCE = 0.2;

describe.each(COMMITTED_PATIENTS)('%s patient: strand attributes of the skin', (_sex, glb) => {
  let positions: Float32Array;
  let indices: Uint32Array;
  let colour: Float32Array;
  let hair: Float32Array;
  let strand: Float32Array;
  let normals: Float32Array;
  const n = () => positions.length / 3;
  // the bun (hair.ts; its centre and radii do not depend on the glabella the spec is placed from)
  const bun = hairlineSpec([0, 0, 0]);
  const bunRadius = (i: number) =>
    Math.hypot((positions[i * 3]! - bun.bunCentre[0]) / bun.bunRadii[0], (positions[i * 3 + 1]! - bun.bunCentre[1]) / bun.bunRadii[1], (positions[i * 3 + 2]! - bun.bunCentre[2]) / bun.bunRadii[2]);
  /** An edge across the switch from the head's strands to the bun's (at 1.1 bun radii; ± the file's quantization). */
  const crossesBun = (a: number, b: number) => _sex === 'female' && Math.min(bunRadius(a), bunRadius(b)) < 1.15 && Math.max(bunRadius(a), bunRadius(b)) >= 1.05;
  const weight = (i: number) => 1 - hair[i * 4 + 3]!;
  const lum = (i: number) => 0.2126 * colour[i * 3]! + 0.7152 * colour[i * 3 + 1]! + 0.0722 * colour[i * 3 + 2]!;
  beforeAll(async () => {
    const skin = readMesh(await readHeadDocument(glb), GLB_MESH_NAMES.skin, ['COLOR_0', '_HAIR', '_STRAND', 'NORMAL']);
    ({ positions, indices } = skin);
    colour = skin.attributes.COLOR_0!;
    hair = skin.attributes._HAIR!;
    strand = skin.attributes._STRAND!;
    // the file's normals, as the shader shades with (the man's pressed bun is shaded as the scalp under it)
    const raw = skin.attributes.NORMAL!;
    normals = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i += 3) {
      const l = Math.hypot(raw[i]!, raw[i + 1]!, raw[i + 2]!) || 1;
      for (let k = 0; k < 3; k++) normals[i + k] = raw[i + k]! / l;
    }
    expect(hair.length / 4).toBe(n());
    expect(strand.length).toBe(n());
  });

  it('weights the hair where its colour is dark hair and gives bare skin none', () => {
    let hairVertices = 0;
    for (let i = 0; i < n(); i++) {
      // dark and above the tragi is hair or a brow (no strands): enough of it must carry them
      if (lum(i) < 0.5 * HAIR_LUMINANCE && positions[i * 3 + 1]! > 0 && weight(i) > 0.5) hairVertices++;
      // (the colour is blended toward the hair by the same weight: near full weight it is hair-dark)
      if (weight(i) > 0.85) expect(lum(i), `vertex ${i} weighted as hair is not hair-coloured`).toBeLessThan(HAIR_LUMINANCE);
    }
    expect(hairVertices).toBeGreaterThan(2000);
  });

  it('lays each strand in the scalp, running back over the top of the head', () => {
    let top = 0;
    for (let i = 0; i < n(); i++) {
      if (weight(i) < 0.9) continue;
      const d = [hair[i * 4]!, hair[i * 4 + 1]!, hair[i * 4 + 2]!];
      const len = Math.hypot(d[0]!, d[1]!, d[2]!);
      expect(len).toBeGreaterThan(0.9);
      const along = (d[0]! * normals[i * 3]! + d[1]! * normals[i * 3 + 1]! + d[2]! * normals[i * 3 + 2]!) / len;
      expect(Math.abs(along), `strand at vertex ${i} leaves the surface`).toBeLessThan(0.25);
      // the top of the head (not the bun), near the midline: combed front to back
      if (Math.abs(positions[i * 3]!) < 15 && normals[i * 3 + 1]! > 0.9 && positions[i * 3 + 2]! > -60) {
        expect(Math.abs(d[2]! / len), `strand on the crown at vertex ${i}`).toBeGreaterThan(0.8);
        top++;
      }
    }
    expect(top).toBeGreaterThan(20);
  });

  it.runIf(_sex === 'female')('gives the bun the relief of hair wound into a coil, the strands running along its turns', () => {
    // the bun's own surface (not the crease where it meets the head): its height off the bun's ellipsoid along the
    // ray from its centre, mm
    const height = (i: number) => {
      const r = Math.hypot(positions[i * 3]! - bun.bunCentre[0], positions[i * 3 + 1]! - bun.bunCentre[1], positions[i * 3 + 2]! - bun.bunCentre[2]);
      return r * (1 - 1 / bunRadius(i));
    };
    const onBun = (i: number) => bunRadius(i) < 1.06 && weight(i) > 0.9;
    let alongSum = 0, alongN = 0, acrossSum = 0, acrossN = 0;
    for (let t = 0; t < indices.length; t += 3)
      for (let k = 0; k < 3; k++) {
        const a = indices[t + k]!, b = indices[t + ((k + 1) % 3)]!;
        if (!onBun(a) || !onBun(b)) continue;
        const e = [positions[b * 3]! - positions[a * 3]!, positions[b * 3 + 1]! - positions[a * 3 + 1]!, positions[b * 3 + 2]! - positions[a * 3 + 2]!];
        const len = Math.hypot(e[0]!, e[1]!, e[2]!);
        if (len < 1) continue;
        const d = [hair[a * 4]!, hair[a * 4 + 1]!, hair[a * 4 + 2]!];
        const cos = Math.abs(e[0]! * d[0]! + e[1]! * d[1]! + e[2]! * d[2]!) / (len * (Math.hypot(d[0]!, d[1]!, d[2]!) || 1));
        const slope = Math.abs(height(b) - height(a)) / len;
        if (cos > 0.85) [alongSum, alongN] = [alongSum + slope, alongN + 1];
        else if (cos < 0.35) [acrossSum, acrossN] = [acrossSum + slope, acrossN + 1];
      }
    expect(alongN).toBeGreaterThan(100);
    expect(acrossN).toBeGreaterThan(100);
    const along = alongSum / alongN, across = acrossSum / acrossN;
    // across the strands the surface climbs over the coil's turns and dips into the creases between them (the smooth
    // ball this replaced: ≈ 0.014 mm per mm); along them it stays on a turn, rising and falling only with the
    // outline's broad lumps (hair.ts BUN_COIL)
    expect(across, 'relief across the bun\'s strands (mm per mm)').toBeGreaterThan(0.12);
    expect(across / along, 'relief across vs along the bun\'s strands').toBeGreaterThan(1.6);
  });

  it('keeps the across-strand phase continuous over the hair (no seam of squeezed strands in front of the ears)', () => {
    let edges = 0;
    for (let t = 0; t < indices.length; t += 3)
      for (let k = 0; k < 3; k++) {
        const a = indices[t + k]!, b = indices[t + ((k + 1) % 3)]!;
        if (weight(a) < 0.5 || weight(b) < 0.5) continue;
        // the phase wraps on the lower midline behind the head (the nape under the bun): not seen from the front
        if (positions[a * 3 + 2]! < -40 && Math.abs(positions[a * 3]!) < 12) continue;
        // her bun's strands wind round it, another pattern: the switch lies in the crease where it meets the head
        if (crossesBun(a, b)) continue;
        // strands fan out and crowd together (toward the bun, near the comb's pole on the forehead), but a seam jumps
        // by a whole turn (STRAND_CYCLES strands): a tenth of one is far more than any edge spans
        const jump = Math.abs(strand[a]! - strand[b]!);
        edges++;
        expect(jump * STRAND_CYCLES, `phase jump on edge ${a}–${b}`).toBeLessThan(0.1 * STRAND_CYCLES);
      }
    expect(edges).toBeGreaterThan(3000);
  });
});

describe('skin shader patch', () => {
  it('finds its anchors in three\'s standard shader and declares the strands in both stages', () => {
    expect(HAIR_STRAND_CYCLES).toBe(STRAND_CYCLES);
    const material = new MeshStandardMaterial();
    enableHairShading(material);
    const shader = { vertexShader: ShaderLib.standard.vertexShader, fragmentShader: ShaderLib.standard.fragmentShader, uniforms: {} } as unknown as WebGLProgramParametersWithUniforms;
    material.onBeforeCompile(shader, {} as WebGLRenderer);
    expect(shader.vertexShader).toContain('vStrand=_strand*');
    for (const code of ['diffuseColor.rgb*=1.+', 'outgoingLight+=hairW*', 'float hairWave(']) expect(shader.fragmentShader).toContain(code);
    // each anchor is kept after the inserted code
    for (const anchor of ['#include <common>', '#include <color_fragment>', '#include <opaque_fragment>']) expect(shader.fragmentShader).toContain(anchor);
  });
});
