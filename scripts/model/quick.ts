// Fast look-dev loop (not part of the build): builds on a coarse grid (GRID mm, default 2.4) into the given path
// (default /tmp/head-quick.glb); preview it with `npx tsx scripts/model/preview.ts /tmp/head-quick.glb`.
import { buildHead } from './build-head.ts';

const out = process.argv[2] ?? '/tmp/head-quick.glb';
await buildHead({ out, gridMm: Number(process.env.GRID ?? 2.4), log: (m) => console.log(m) });
