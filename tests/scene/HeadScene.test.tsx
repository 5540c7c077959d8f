import { describe, expect, it } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { BoxGeometry, type BufferGeometry, type Mesh, type MeshStandardMaterial } from 'three';
import { HeadScene } from '../../src/scene/HeadScene.tsx';
import type { HeadAsset, MeshName } from '../../src/scene/headAsset.ts';
import { syntheticAsset } from '../fixtures/synthetic-asset.ts';

// A stand-in asset: real three geometries under the real mesh names; the scene must not care about shape.
function boxAsset(): HeadAsset {
  const names: MeshName[] = ['skin', 'skin_lod', 'eyes', 'fat', 'smas', 'deep_temporal_fascia', 'skull', 'mandible', 'ligaments'];
  const geometries: Partial<Record<MeshName, BufferGeometry>> = {};
  names.forEach((n, i) => (geometries[n] = new BoxGeometry(0.1 + i * 0.01, 0.1, 0.1)));
  return { geometries, data: {} as HeadAsset['data'], landmarks: {} as HeadAsset['landmarks'], center: [0, 0, 0], radius: 0.15 };
}


function visibleNames(renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>) {
  return renderer.scene
    .findAll((n) => n.type === 'Mesh')
    .filter((n) => (n.instance as Mesh).visible)
    .map((n) => (n.instance as Mesh).name)
    .sort();
}

describe('<HeadScene>', () => {
  it('shows the skin (and eyes) only by default and uses the full skin on desktop', async () => {
    const r = await ReactThreeTestRenderer.create(<HeadScene asset={boxAsset()} layers={['skin']} deformed={{}} />);
    expect(visibleNames(r)).toEqual(['eyes', 'skin']);
    expect(r.scene.findAll((n) => (n.instance as Mesh).name === 'skin_lod')).toHaveLength(0);
    await r.unmount();
  });

  it('toggles layers by visibility without remounting meshes', async () => {
    const asset = boxAsset();
    const r = await ReactThreeTestRenderer.create(<HeadScene asset={asset} layers={['skin']} deformed={{}} />);
    const before = r.scene.findAll((n) => n.type === 'Mesh').map((n) => n.instance);
    await r.update(<HeadScene asset={asset} layers={['smas', 'bone']} deformed={{}} />);
    const after = r.scene.findAll((n) => n.type === 'Mesh').map((n) => n.instance);
    expect(after).toEqual(before);
    expect(visibleNames(r)).toEqual(['deep_temporal_fascia', 'mandible', 'skull', 'smas']);
    await r.unmount();
  });

  it('makes the skin translucent while a deeper layer is shown', async () => {
    const asset = boxAsset();
    const r = await ReactThreeTestRenderer.create(<HeadScene asset={asset} layers={['skin', 'smas']} deformed={{}} />);
    const skin = r.scene.findAll((n) => (n.instance as Mesh).name === 'skin')[0]!.instance as Mesh;
    const material = skin.material as MeshStandardMaterial;
    expect(material.transparent).toBe(true);
    expect(material.opacity).toBeLessThan(0.5);
    await r.update(<HeadScene asset={asset} layers={['skin']} deformed={{}} />);
    expect(material.opacity).toBe(1);
    await r.unmount();
  });

  it('draws the deformed copy instead of the shared geometry when one is given', async () => {
    const asset = boxAsset();
    const copy = asset.geometries.skin!.clone();
    const r = await ReactThreeTestRenderer.create(<HeadScene asset={asset} layers={['skin']} deformed={{ skin: copy }} />);
    const skin = r.scene.findAll((n) => (n.instance as Mesh).name === 'skin')[0]!.instance as Mesh;
    expect(skin.geometry).toBe(copy);
    await r.unmount();
  });

  it('reports its first drawn frame once', async () => {
    let calls = 0;
    const r = await ReactThreeTestRenderer.create(<HeadScene asset={boxAsset()} layers={['skin']} deformed={{}} onFirstFrame={() => calls++} />);
    await r.advanceFrames(3, 16);
    await new Promise((done) => setTimeout(done, 50));
    expect(calls).toBe(1);
    await r.unmount();
  });
});

describe('<HeadScene> with the cutaway, when a new head arrives on the canvas', () => {
  it('keeps the skin opaque while the new head’s cutaway is rigged (a see-through skin is another GPU program), then cuts it', async () => {
    const asset = syntheticAsset();
    const copies = () => ({ skin: asset.geometries.skin!.clone(), fat: asset.geometries.fat!.clone(), smas: asset.geometries.smas!.clone() });
    const first = copies();
    const scene = (deformed: Partial<Record<MeshName, BufferGeometry>>) => (
      <HeadScene asset={asset} layers={['skin', 'fat', 'smas']} deformed={deformed} cutaway instant />
    );
    const r = await ReactThreeTestRenderer.create(scene(first));
    const skin = () => r.scene.findAll((n) => (n.instance as Mesh).name === 'skin')[0]!.instance as Mesh;
    const material = skin().material as MeshStandardMaterial;
    // the first cut: see-through until the cutaway's code has loaded and rigged this head, then cut and opaque
    await expect.poll(() => first.skin.getAttribute('cutDepth')).toBeDefined();
    await expect.poll(() => material.transparent).toBe(false);
    // the next head (a photo's): never see-through on the way, and cut as soon as its rig is there
    const made: boolean[] = [];
    let transparent = material.transparent;
    Object.defineProperty(material, 'transparent', {
      get: () => transparent,
      set: (v: boolean) => void made.push((transparent = v)),
      configurable: true,
    });
    const next = copies();
    await r.update(scene(next));
    expect(skin().geometry).toBe(next.skin);
    await expect.poll(() => next.skin.getAttribute('cutDepth')).toBeDefined();
    expect(made).not.toContain(true);
    expect(material.transparent).toBe(false);
    expect(material.opacity).toBe(1);
    await r.unmount();
  });
});
