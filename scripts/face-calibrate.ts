// npx tsx scripts/face-calibrate.ts — where MediaPipe's 468 face landmarks lie on the default head
// (public/models/head-face-landmarks.json, mm, head frame), the correspondence the photo fit uses
// (src/ui/photo/fit.worker.ts). Renders the built app's default head from the front in headless Chromium, finds
// the landmarks with the same model the app serves (dist/facemodel), and casts each one's camera ray onto the skin
// of public/models/head.glb. Run after `npm run build` whenever head.glb changes (tests/unit/face/faceFit.test.ts
// fails when the file no longer lies on the head's skin).
//
// Why not the canonical mask's own vertices: the landmark model places its points on the visible features (brow
// hair, the face's outline, the lid margins), which on our head lie up to 9 mm from the mask vertices the build
// started from (scripts/model/face-warp.ts); fitted against those, a photo of the default head itself came out
// 3 mm (median) away from the head.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with the npm scripts
import { CHROMIUM_ARGS, ensureChromium } from './lib/chromium.mjs';
// @ts-expect-error plain ESM helpers shared with the npm scripts
import { startStaticServer } from './lib/static-server.mjs';
// @ts-expect-error plain ESM helpers shared with the npm scripts
import { waitForQuietFrames } from './lib/ready.mjs';
import { loadHeadData } from './lib/load-head.ts';
import { MM_PER_GLTF_UNIT } from '../src/core/anatomy/headData.ts';
import { FACE_MESH_POINTS } from '../src/core/face/faceFit.ts';
import { Matrix4, Vector3 } from 'three';

export const OUT = 'public/models/head-face-landmarks.json';

type V3 = [number, number, number];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const norm = (a: V3): V3 => {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
};

async function main() {
  const head = await loadHeadData('public/models/head.glb');
  const { server, url } = await startStaticServer('dist');
  const browser = await chromium.launch({ executablePath: await ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1400 } });
    await page.goto(`${url}?mode=consult&lang=en&view=front&technique=facelift`);
    await page.waitForFunction(() => document.querySelector('[role="img"][data-ready]')?.getAttribute('data-ready') === 'true', undefined, { timeout: 180_000 });
    await waitForQuietFrames(page);
    const el = page.locator('[role="img"][data-ready]').first();
    await el.scrollIntoViewIfNeeded();
    const canvasBox = (await page.locator('[role="img"][data-ready] canvas').first().boundingBox())!;
    const png = await page.screenshot({ clip: canvasBox });
    if (process.env.CALIBRATE_DEBUG) writeFileSync('/tmp/calibrate.png', png);
    // plain source text: tsx would wrap named functions in a helper the page does not have
    const found = (await page.evaluate(`(async (b64) => {
      await new Promise((ok, ko) => {
        const s = document.createElement('script');
        s.src = 'facemodel/face_mesh.js';
        s.onload = () => ok();
        s.onerror = () => ko(new Error('face_mesh.js'));
        document.head.appendChild(s);
      });
      const mesh = new window.FaceMesh({ locateFile: (f) => 'facemodel/' + f });
      mesh.setOptions({ maxNumFaces: 1, refineLandmarks: false });
      let faces = [];
      mesh.onResults((r) => { faces = r.multiFaceLandmarks || []; });
      await mesh.initialize();
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      await mesh.send({ image: img });
      return { faces: faces.map((f) => f.map((p) => [p.x, p.y, p.z])), width: img.width, height: img.height };
    })(${JSON.stringify(png.toString('base64'))})`)) as { faces: number[][][]; width: number; height: number };
    if (found.faces.length !== 1) throw new Error(`expected one face in the render, found ${found.faces.length}`);
    const marks = found.faces[0]!;

    // the camera that drew the picture (window.__lift.cameras, src/scene/diagnostics.ts), in mm
    const cams = (await page.evaluate('window.__lift.cameras()')) as { projection: number[]; world: number[]; width: number; height: number }[];
    if (cams.length !== 1) throw new Error(`expected one camera, found ${cams.length}`);
    const cam = cams[0]!;
    const world = new Matrix4().fromArray(cam.world);
    const projInv = new Matrix4().fromArray(cam.projection).invert();
    const eyeM = new Vector3().setFromMatrixPosition(world);
    const eye: V3 = [eyeM.x * MM_PER_GLTF_UNIT, eyeM.y * MM_PER_GLTF_UNIT, eyeM.z * MM_PER_GLTF_UNIT];
    const ray = (u: number, v: number): V3 => {
      const p = new Vector3(2 * u - 1, 1 - 2 * v, 0.5).applyMatrix4(projInv).applyMatrix4(world);
      return norm([p.x * MM_PER_GLTF_UNIT - eye[0], p.y * MM_PER_GLTF_UNIT - eye[1], p.z * MM_PER_GLTF_UNIT - eye[2]]);
    };
    const viewProj = new Matrix4().fromArray(cam.projection).multiply(world.clone().invert());
    // check: the nose tip and the inner eye corners land where the model found them
    const project = (p: readonly number[]): [number, number] => {
      const q = new Vector3(p[0]! / MM_PER_GLTF_UNIT, p[1]! / MM_PER_GLTF_UNIT, p[2]! / MM_PER_GLTF_UNIT).applyMatrix4(viewProj);
      return [(q.x + 1) / 2, (1 - q.y) / 2];
    };
    for (const [i, id] of [[4, 'pronasale'], [133, 'medial-canthus-r'], [362, 'medial-canthus-l']] as const) {
      const [u, v] = project(head.landmarks[id]);
      const px = Math.hypot((u - marks[i]![0]!) * found.width, (v - marks[i]![1]!) * found.height);
      console.log(`[face-calibrate] ${id}: model point ${px.toFixed(1)} px from the head's landmark`);
      if (px > 15) throw new Error(`the render's camera is not the one assumed (${id} ${px.toFixed(1)} px off)`);
    }
    // Each landmark's ray meets the skin (Möller–Trumbore); its depth, though, is the model's own relative depth
    // (z, in units of the image width) placed at the face's distance: on the face's outline a ray grazes the skin
    // and its first hit can lie far behind the point the model means (up to 45 mm), while the model's depth is
    // what it reports for every other photo.
    const P = head.skin.positions, I = head.skin.indices;
    const forward: V3 = norm([-cam.world[8]!, -cam.world[9]!, -cam.world[10]!]);
    const tanHalfV = 1 / cam.projection[5]!;
    const hits: number[] = [];
    const dirs: V3[] = [];
    let misses = 0;
    for (let k = 0; k < FACE_MESH_POINTS; k++) {
      const dir = ray(marks[k]![0]!, marks[k]![1]!);
      dirs.push(dir);
      let best = Infinity;
      for (let t = 0; t < I.length; t += 3) {
        const a: V3 = [P[I[t]! * 3]!, P[I[t]! * 3 + 1]!, P[I[t]! * 3 + 2]!];
        const b: V3 = [P[I[t + 1]! * 3]!, P[I[t + 1]! * 3 + 1]!, P[I[t + 1]! * 3 + 2]!];
        const c: V3 = [P[I[t + 2]! * 3]!, P[I[t + 2]! * 3 + 1]!, P[I[t + 2]! * 3 + 2]!];
        const e1 = sub(b, a), e2 = sub(c, a), h = cross(dir, e2), det = dot(e1, h);
        if (Math.abs(det) < 1e-9) continue;
        const s = sub(eye, a), u = dot(s, h) / det;
        if (u < 0 || u > 1) continue;
        const q = cross(s, e1), v = dot(dir, q) / det;
        if (v < 0 || u + v > 1) continue;
        const dist = dot(e2, q) / det;
        if (dist > 0 && dist < best) best = dist;
      }
      if (!Number.isFinite(best)) misses++;
      hits.push(best * dot(dir, forward)); // camera depth of the hit, mm
    }
    const median = (v: number[]) => v.slice().sort((x, y) => x - y)[Math.floor(v.length / 2)]!;
    const faceDepth = median(hits.filter(Number.isFinite));
    const mmPerPx = (2 * faceDepth * tanHalfV) / found.height;
    const zMm = marks.map((m) => m[2]! * found.width * mmPerPx);
    // the face's distance: where the model's relative depths best match the skin hits (median offset)
    const d0 = median(hits.map((h, k) => h - zMm[k]!).filter(Number.isFinite));
    const out: number[] = [];
    for (let k = 0; k < FACE_MESH_POINTS; k++) {
      const depth = d0 + zMm[k]!;
      const t = depth / dot(dirs[k]!, forward);
      out.push(...[eye[0] + dirs[k]![0] * t, eye[1] + dirs[k]![1] * t, eye[2] + dirs[k]![2] * t].map((x) => Math.round(x * 1000) / 1000));
    }
    const offSkin = hits.map((h, k) => Math.abs(h - d0 - zMm[k]!)).filter(Number.isFinite);
    console.log(`[face-calibrate] model depth vs skin: median ${median(offSkin).toFixed(2)} mm, max ${Math.max(...offSkin).toFixed(1)} mm`);
    if (misses > 20) throw new Error(`${misses} landmark rays missed the skin`);
    writeFileSync(
      OUT,
      JSON.stringify({
        about: 'MediaPipe face-mesh landmarks on the default head (mm, head frame): scripts/face-calibrate.ts, from a front render of head.glb',
        points: out,
      }) + '\n',
    );
    console.log(`[face-calibrate] wrote ${OUT} (${FACE_MESH_POINTS} points)`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
