// Renders head.glb from a few angles into artifacts/model/*.png with headless Chromium (SwiftShader).
// Usage: npx tsx scripts/model/preview.ts [path/to/head.glb]
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const glbPath = resolve(process.argv[2] ?? 'public/models/head.glb');
const outDir = resolve('artifacts/model');
mkdirSync(outDir, { recursive: true });
const root = resolve('node_modules/three');

const page = `<!doctype html><html><head><style>body{margin:0;background:#dde3ea}</style>
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script></head>
<body><script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setSize(720, 720); renderer.setPixelRatio(1);
renderer.outputColorSpace = THREE.SRGBColorSpace;
document.body.appendChild(renderer.domElement);
const scene = new THREE.Scene(); scene.background = new THREE.Color(0xdde3ea);
scene.add(new THREE.HemisphereLight(0xffffff, 0x886655, 1.1));
const key = new THREE.DirectionalLight(0xffffff, 1.6); key.position.set(0.6, 0.8, 1.2); scene.add(key);
const rim = new THREE.DirectionalLight(0xffffff, 0.5); rim.position.set(-1, 0.3, -0.8); scene.add(rim);
const camera = new THREE.PerspectiveCamera(22, 1, 0.01, 10);
const loader = new GLTFLoader(); loader.setMeshoptDecoder(MeshoptDecoder);
const gltf = await loader.loadAsync('/head.glb');
scene.add(gltf.scene);
const mats = {
  skin: new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.62 }),
  eyes: new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.15 }),
  fat: new THREE.MeshStandardMaterial({ color: 0xf2cf6a, roughness: 0.5, side: THREE.DoubleSide }),
  smas: new THREE.MeshStandardMaterial({ color: 0xc4574f, roughness: 0.5, side: THREE.DoubleSide }),
  deep_temporal_fascia: new THREE.MeshStandardMaterial({ color: 0x9fb7d6, roughness: 0.5, side: THREE.DoubleSide }),
  skull: new THREE.MeshStandardMaterial({ color: 0xeee6d2, roughness: 0.8 }),
  mandible: new THREE.MeshStandardMaterial({ color: 0xe6dcc4, roughness: 0.8 }),
  ligaments: new THREE.MeshStandardMaterial({ color: 0x2d6cdf, roughness: 0.4 }),
  muscles: new THREE.MeshStandardMaterial({ color: 0xa8322d, roughness: 0.55, side: THREE.DoubleSide }),
};
const mandibleTint = new THREE.MeshStandardMaterial({ color: 0xd9c39a, roughness: 0.8 });
const byName = {};
gltf.scene.traverse((o) => { if (o.isMesh) { byName[o.name] = o; o.material = mats[o.name] ?? mats.skin; } });
const lm = gltf.scene.userData.landmarks ?? {};
const dots = new THREE.Group(); scene.add(dots);
for (const [id, p] of Object.entries(lm)) {
  const m = new THREE.Mesh(new THREE.SphereGeometry(0.0018, 8, 6), new THREE.MeshBasicMaterial({ color: id.includes('ligament') ? 0x1144ff : id.includes('hairline') || id.includes('sideburn') ? 0x00aa44 : 0xff2222 }));
  m.position.set(p[0], p[1], p[2]); dots.add(m);
}
window.render = (view, mode) => {
  const show = (names) => { for (const [n, o] of Object.entries(byName)) o.visible = names.includes(n); };
  dots.visible = mode === 'landmarks' || mode === 'layers' || mode === 'bonelm';
  if (byName.mandible) byName.mandible.material = mode === 'bonelm' ? mandibleTint : mats.mandible;
  if (mode === 'layers') show(['fat', 'smas', 'deep_temporal_fascia', 'skull', 'mandible', 'ligaments', 'muscles', 'eyes']);
  else if (mode === 'bone') show(['skull', 'mandible', 'ligaments', 'muscles', 'eyes']);
  else if (mode === 'bonelm') show(['skull', 'mandible', 'ligaments', 'muscles']);
  else if (mode === 'skull') show(['skull', 'mandible']);
  else if (mode === 'lod') show(['skin_lod', 'eyes']);
  else show(['skin', 'eyes']);
  if (mode === 'layers') { mats.fat.transparent = true; mats.fat.opacity = 0.35; }
  const views = { front: [0, 0, 1], oblique: [0.72, 0.05, 0.7], profile: [1, 0.02, 0], back: [-0.4, 0.2, -1], below: [0.3, -0.7, 0.65], closeEye: [0.25, 0.05, 1], closeLid: [0.15, 0.25, 1], closeJaw: [0.75, -0.25, 0.6], closeEar: [1, 0.1, 0.25], closeMouth: [0.35, 0, 1] };
  const d = new THREE.Vector3(...views[view]).normalize();
  const target = view === 'closeMouth' ? new THREE.Vector3(0, -0.08, 0.07) : view === 'closeEye' || view === 'closeLid' ? new THREE.Vector3(0.03, 0.015, 0.07) : view === 'closeJaw' ? new THREE.Vector3(0.04, -0.07, 0.03) : view === 'closeEar' ? new THREE.Vector3(0.07, 0.0, -0.01) : new THREE.Vector3(0, -0.06, 0.01);
  const dist = view.startsWith('close') ? 0.3 : 1.35;
  camera.position.copy(target).addScaledVector(d, dist); camera.lookAt(target);
  key.position.copy(camera.position).add(new THREE.Vector3(0.3, 0.5, 0));
  renderer.render(scene, camera);
  return true;
};
window.ready = true;
</script></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'head-preview-'));
writeFileSync(join(dir, 'index.html'), page);
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.glb': 'model/gltf-binary' };
const server = createServer((req, res) => {
  const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  let file = url === '/' ? join(dir, 'index.html') : url === '/head.glb' ? glbPath : url.startsWith('/three/') ? join(root, url.slice(7)) : '';
  if (!file.startsWith(root) && file !== glbPath && !file.startsWith(dir)) file = '';
  if (!file || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'head-chrome-')), {
  executablePath: '/usr/bin/chromium',
  viewport: { width: 720, height: 720 },
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error('page error:', e.message));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction('window.ready === true', undefined, { timeout: 120000 });
  const shots: [string, string][] = (process.env.SHOTS ?? 'front:skin,oblique:skin,profile:skin,back:skin,closeEye:skin,oblique:layers,front:bone,oblique:bone,profile:bone,front:skull,oblique:skull,profile:skull,profile:landmarks,oblique:lod').split(',').map((s) => s.split(':') as [string, string]);
  for (const [view, mode] of shots) {
    await tab.evaluate(([v, m]) => (window as unknown as { render: (a: string, b: string) => boolean }).render(v!, m!), [view, mode]);
    await tab.locator('canvas').screenshot({ path: join(outDir, `${view}-${mode}.png`) });
    console.log(`artifacts/model/${view}-${mode}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
