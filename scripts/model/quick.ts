// Fast look-dev loop (not part of the build): coarse grid → /tmp/head-quick.glb, prints zygion width.
import { buildHead } from './build-head.ts';
import { NodeIO } from '@gltf-transform/core';
const out = process.argv[2] ?? '/tmp/head-quick.glb';
const glb = await buildHead({ out, gridMm: Number(process.env.GRID ?? 2.4), log: (m) => console.log(m) });
void glb; void NodeIO;
