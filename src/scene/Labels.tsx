import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type BufferGeometry } from 'three';
import { surfaceNormal, surfacePosition } from '../core/geometry/surface.ts';
import type { LayerMesh } from '../core/anatomy/headData.ts';
import { gridFor } from './glue.ts';

export interface LabelSpec {
  readonly id: string;
  readonly text: string;
  /** Where the label points, mm in the rest pose; glued to the skin so it follows the tissue. */
  readonly pointMm: readonly [number, number, number];
  /** A numbered callout (the step number) instead of a text tag. */
  readonly callout?: boolean;
}

export interface LabelsProps {
  readonly skinMesh: LayerMesh;
  readonly skin: BufferGeometry;
  readonly labels: readonly LabelSpec[];
  readonly visible: boolean;
}

/**
 * Annotations as real DOM text over the canvas (crisp, translatable, read by screen readers as a list),
 * positioned each rendered frame and hidden while their point faces away from the camera. Text is set with
 * textContent only — never as HTML.
 */
export function Labels({ skinMesh, skin, labels, visible }: LabelsProps) {
  const gl = useThree((s) => s.gl);
  const size = useThree((s) => s.size);
  const container = useRef<HTMLUListElement | null>(null);
  const glued = useMemo(() => {
    const grid = gridFor(skinMesh);
    return labels.map((l) => {
      const { tri, u, v, w } = grid.attach(l.pointMm[0], l.pointMm[1], l.pointMm[2]);
      return { spec: l, point: { tri, u, v, w } };
    });
  }, [labels, skinMesh]);

  useEffect(() => {
    const host = gl.domElement.parentElement;
    if (!host) return;
    const list = document.createElement('ul');
    list.className = 'scene-labels';
    for (const { spec } of glued) {
      const li = document.createElement('li');
      li.className = spec.callout ? 'scene-label callout' : 'scene-label';
      li.textContent = spec.text;
      li.dataset.label = spec.id;
      list.append(li);
    }
    host.append(list);
    container.current = list;
    return () => {
      list.remove();
      container.current = null;
    };
  }, [gl, glued]);

  const scratch = useMemo(() => ({ p: new Float64Array(6), v: new Vector3(), n: new Vector3(), toCam: new Vector3() }), []);
  // Label widths, measured once each (their text does not change while they are shown).
  const widths = useMemo<number[]>(() => glued.map(() => 0), [glued]);
  const centre = useMemo(() => {
    if (!skin.boundingSphere) skin.computeBoundingSphere();
    return skin.boundingSphere!.center.clone();
  }, [skin]);
  useFrame(({ camera }) => {
    const list = container.current;
    if (!list) return;
    list.style.display = visible ? '' : 'none';
    if (!visible) return;
    const pos = skin.getAttribute('position').array as Float32Array;
    const index = skin.index!.array as Uint32Array;
    glued.forEach(({ point }, i) => {
      const el = list.children[i] as HTMLElement | undefined;
      if (!el) return;
      surfacePosition(pos, index, point, scratch.p, 0);
      surfaceNormal(pos, index, point, scratch.p, 3);
      scratch.v.set(scratch.p[0]!, scratch.p[1]!, scratch.p[2]!);
      scratch.n.set(scratch.p[3]!, scratch.p[4]!, scratch.p[5]!);
      scratch.toCam.copy(camera.position).sub(scratch.v).normalize();
      // Facing test: a point on the far side of the head (normal away from the camera) is hidden, and so is a
      // point on the half of the head turned away from the camera (the other side's temple faces the camera
      // but lies behind the brow from an oblique view; the labels are not depth-tested).
      const facing =
        scratch.n.dot(scratch.toCam) > 0.05 &&
        (scratch.v.x - centre.x) * (camera.position.x - centre.x) + (scratch.v.z - centre.z) * (camera.position.z - centre.z) > 0;
      scratch.v.project(camera);
      const inView = scratch.v.z < 1 && Math.abs(scratch.v.x) < 1.05 && Math.abs(scratch.v.y) < 1.05;
      el.style.visibility = facing && inView ? 'visible' : 'hidden';
      const x = ((scratch.v.x + 1) / 2) * size.width;
      const y = ((1 - scratch.v.y) / 2) * size.height;
      // Near the right edge a label reads to the left of its point instead of being cut off.
      const width = (widths[i] ||= el.offsetWidth);
      const flip = !el.classList.contains('callout') && x + width + 16 > size.width;
      el.classList.toggle('flip', flip);
      el.style.transform = flip ? `translate(calc(${x}px - 100%), ${y}px)` : `translate(${x}px, ${y}px)`;
    });
  });
  return null;
}
