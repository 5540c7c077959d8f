// The skin's creases reach the GPU: the skin material's shader reads the crease attributes and uniform, and the
// tissue deformer writes the crease depth the engine computes whenever the deformation changes (real engine on the
// synthetic head; no mocks).
import { describe, expect, it, vi } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { BufferAttribute, ShaderLib, UniformsUtils, WebGLRenderer, type Mesh, type MeshStandardMaterial } from 'three';
import type { WebGLProgramParametersWithUniforms } from 'three';
import { HeadScene } from '../../src/scene/HeadScene.tsx';
import { TissueDeformer } from '../../src/scene/TissueDeformer.tsx';
import { createLayerMaterials } from '../../src/scene/materials.ts';
import { createAppStore } from '../../src/state/store.ts';
import { syntheticAsset } from '../fixtures/synthetic-asset.ts';

/** The standard material's shader as three hands it to onBeforeCompile. */
function standardShader(): WebGLProgramParametersWithUniforms {
  return {
    vertexShader: ShaderLib.standard.vertexShader,
    fragmentShader: ShaderLib.standard.fragmentShader,
    uniforms: UniformsUtils.clone(ShaderLib.standard.uniforms),
  } as unknown as WebGLProgramParametersWithUniforms;
}


describe('skin creases', () => {
  it('the skin material draws them from the crease attributes and turns them off under the heat map', async () => {
    const materials = createLayerMaterials();
    const skin = materials.skin as MeshStandardMaterial;
    const shader = standardShader();
    skin.onBeforeCompile(shader, {} as WebGLRenderer);
    expect(shader.vertexShader).toMatch(/attribute vec4 creasePattern;/);
    expect(shader.vertexShader).toMatch(/attribute vec2 creaseDepth;/);
    expect(shader.vertexShader).toMatch(/vCreaseDepth = creaseDepth;/);
    expect(shader.fragmentShader).toMatch(/diffuseColor\.rgb \*= 1\.0 - [0-9.]+ \* min\(1\.0, creaseShade\)/);
    expect(shader.uniforms.creaseStrength).toBeDefined();
    expect(skin.customProgramCacheKey()).toContain('crease');

    const asset = syntheticAsset();
    const r = await ReactThreeTestRenderer.create(<HeadScene asset={asset} layers={['skin']} deformed={{}} heatmap />);
    const shown = r.scene.findAll((n) => (n.instance as Mesh).name === 'skin')[0]!.instance as Mesh;
    const material = shown.material as MeshStandardMaterial;
    const compiled = standardShader();
    material.onBeforeCompile(compiled, {} as WebGLRenderer);
    expect(compiled.uniforms.creaseStrength!.value).toBe(0);
    await r.update(<HeadScene asset={asset} layers={['skin']} deformed={{}} heatmap={false} />);
    expect(compiled.uniforms.creaseStrength!.value).toBe(1);
    await r.unmount();
  });

  it('the cutaway keeps them: both patches are in the skin shader', async () => {
    const materials = createLayerMaterials();
    const asset = syntheticAsset();
    const { rigCutaway } = await import('../../src/scene/cutaway.ts');
    rigCutaway(asset, {}, materials);
    const shader = standardShader();
    const skin = materials.skin as MeshStandardMaterial;
    skin.onBeforeCompile(shader, {} as WebGLRenderer);
    expect(shader.vertexShader).toMatch(/attribute vec2 creaseDepth;/);
    expect(shader.vertexShader).toMatch(/attribute float cutDepth;/);
    expect(shader.fragmentShader).toMatch(/creaseShade/);
    expect(shader.fragmentShader).toMatch(/discard/);
    expect(skin.customProgramCacheKey()).toMatch(/crease.*cutaway/);
  });

  it('the deformer writes the engine’s crease depth into the skin whenever the sag or the timeline changes', async () => {
    const asset = syntheticAsset();
    const deformed = { skin: asset.geometries.skin!.clone(), fat: asset.geometries.fat!.clone(), smas: asset.geometries.smas!.clone() };
    const store = createAppStore({ mode: 'consult', technique: 'traditional', lang: 'en', sag: 1 });
    store.setState({ progress: 0 });
    const r = await ReactThreeTestRenderer.create(
      <>
        <HeadScene asset={asset} layers={['skin']} deformed={deformed} />
        <TissueDeformer asset={asset} deformed={deformed} technique="traditional" store={store} />
      </>,
    );
    const depthNow = () => (deformed.skin.getAttribute('creaseDepth') as BufferAttribute | undefined)?.array as Float32Array | undefined;
    const total = () => (depthNow() ?? new Float32Array()).reduce((a, b) => a + b, 0);
    // The engine's precompute runs after the first paint: wait for the first depth written.
    await vi.waitFor(() => expect(total()).toBeGreaterThan(0), { timeout: 50_000, interval: 100 });
    expect(deformed.skin.getAttribute('creasePattern').itemSize).toBe(4);
    const skinMesh = r.scene.findAll((n) => (n.instance as Mesh).name === 'skin')[0]!.instance as Mesh;
    expect(skinMesh.geometry).toBe(deformed.skin);
    const sagged = total();
    const version = (deformed.skin.getAttribute('creaseDepth') as BufferAttribute).version;

    store.getState().setSag(0);
    expect(total()).toBeLessThan(1e-3 * sagged);
    expect((deformed.skin.getAttribute('creaseDepth') as BufferAttribute).version).toBeGreaterThan(version);

    store.getState().setSag(1);
    expect(total()).toBeCloseTo(sagged, 3);
    // the lift at the end of the timeline changes the skin's compression, and so its creases
    store.getState().setProgress(1);
    expect(Math.abs(total() - sagged)).toBeGreaterThan(1e-3 * sagged);
    await r.unmount();
  });
});
