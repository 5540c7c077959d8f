import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { BufferGeometry, Mesh, MeshStandardMaterial } from 'three';
import type { LayerId } from '../core/ids.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';
import { createLayerMaterials, LAYER_COLOURS } from './materials.ts';

export interface HeadSceneProps {
  readonly asset: HeadAsset;
  readonly layers: readonly LayerId[];
  /** Per-view deformable copies of the skin, fat and SMAS geometry (owned by the caller). */
  readonly deformed: Partial<Record<MeshName, BufferGeometry>>;
  /** Called once, after the first frame showing the head has been drawn. */
  readonly onFirstFrame?: () => void;
  /** Use the light skin for phones. */
  readonly lod?: boolean;
  /** Vertex colours carry the displacement heat map: show them untinted. */
  readonly heatmap?: boolean;
  /** Surgeon-chosen skin opacity; undefined/null = automatic. */
  readonly skinOpacity?: number | null;
  /** The step acts through the retaining ligaments: make them stand out. */
  readonly highlightLigaments?: boolean;
}

const MESH_LAYER: Record<MeshName, LayerId> = {
  skin: 'skin',
  skin_lod: 'skin',
  eyes: 'skin',
  fat: 'fat',
  smas: 'smas',
  deep_temporal_fascia: 'smas',
  skull: 'bone',
  mandible: 'bone',
  ligaments: 'ligaments',
};

/** The layered head. Layers are toggled with `visible`, never remounted; this component owns its materials. */
export function HeadScene({
  asset,
  layers,
  deformed,
  onFirstFrame,
  lod = false,
  heatmap = false,
  skinOpacity = null,
  highlightLigaments = false,
}: HeadSceneProps) {
  const materials = useMemo(() => createLayerMaterials(), []);
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);
  const invalidate = useThree((s) => s.invalidate);
  const meshes = useRef<Partial<Record<MeshName, Mesh | null>>>({});
  const reported = useRef(false);

  const deeperShown = layers.some((l) => l !== 'skin');
  useEffect(() => {
    // Skin turns translucent when a deeper layer is on, so the layer shows in place under it.
    const skin = materials.skin as MeshStandardMaterial;
    const opacity = skinOpacity ?? (deeperShown ? 0.28 : 1);
    skin.transparent = opacity < 1;
    skin.opacity = opacity;
    skin.depthWrite = opacity >= 1;
    skin.needsUpdate = true;
    invalidate();
  }, [deeperShown, skinOpacity, materials, invalidate]);

  useEffect(() => {
    // Ligaments glow in their own colour while the step pulls tissue past them (design choice: emissive 0.7).
    const ligaments = materials.ligaments as MeshStandardMaterial;
    ligaments.emissive.set(highlightLigaments ? LAYER_COLOURS.ligaments : '#000000');
    ligaments.emissiveIntensity = highlightLigaments ? 0.7 : 0;
    invalidate();
  }, [highlightLigaments, materials, invalidate]);

  useEffect(() => {
    (materials.skin as MeshStandardMaterial).color.set(heatmap ? '#ffffff' : LAYER_COLOURS.skin);
    invalidate();
  }, [heatmap, materials, invalidate]);

  useFrame(() => {
    if (reported.current || !onFirstFrame) return;
    reported.current = true;
    // useFrame runs before this frame is drawn; report on the next task, after the draw.
    requestAnimationFrame(() => onFirstFrame());
  });

  const names = (Object.keys(MESH_LAYER) as MeshName[]).filter((n) => (lod ? n !== 'skin' : n !== 'skin_lod'));
  return (
    <group>
      {names.map((name) => {
        const geometry = deformed[name] ?? asset.geometries[name];
        if (!geometry) return null;
        const layer = MESH_LAYER[name];
        const visible = layers.includes(layer);
        return (
          <mesh
            key={name}
            name={name}
            ref={(m) => {
              meshes.current[name] = m;
            }}
            geometry={geometry}
            material={materials[name]}
            visible={visible}
            renderOrder={layer === 'skin' && deeperShown ? 10 : 0}
          />
        );
      })}
    </group>
  );
}
