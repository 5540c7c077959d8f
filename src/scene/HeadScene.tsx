import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { BufferGeometry, Material, Mesh, MeshStandardMaterial } from 'three';
import { LAYERS, type LayerId } from '../core/ids.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';
import { createLayerMaterials, LAYER_COLOURS, SKIN_MATERIAL_COLOUR } from './materials.ts';
import { enableCreaseShading } from './creaseShading.ts';
import type { CutawayRig } from './cutaway.ts';
import { loadChunk } from '../ui/lazyChunk.ts';
import { ReadyGateContext } from './readyGate.ts';

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
  /** Surgeon-chosen opacity per layer; a missing layer is at its default (for the skin: automatic). */
  readonly layerOpacity?: Partial<Record<LayerId, number>>;
  /** Show deeper layers through a window over the cheek and temple (else through see-through skin). */
  readonly cutaway?: boolean;
  /** Open the cutaway at once instead of peeling it (prefers-reduced-motion). */
  readonly instant?: boolean;
  /** Compile the programs of the cutaway's skin and of every hidden layer once idle after the first frame. */
  readonly warmUp?: boolean;
  /** The step acts through the retaining ligaments: make them stand out. */
  readonly highlightLigaments?: boolean;
  /**
   * The layer materials (createLayerMaterials), owned by the caller, who keeps them for the next head drawn on the
   * same canvas: its GPU programs are then reused, not compiled again (a second or more per program in software
   * WebGL). Without them the scene makes and disposes its own.
   */
  readonly materials?: Record<MeshName, Material>;
}

const NO_OVERRIDES: Partial<Record<LayerId, number>> = {};
/** Skin opacity while a deeper layer shows through it (no cutaway). Design choice. */
const SEE_THROUGH_SKIN = 0.28;
/** Duration of the peel, s. Design choice: long enough to see where the window is, short enough not to wait. */
const PEEL_SECONDS = 0.9;

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
  // the zygomaticus major and minor lie in the SMAS layer (reference sheet §1.1, layer 3a)
  muscles: 'smas',
};

const MESH_NAMES = Object.keys(MESH_LAYER) as MeshName[];

/** The cutaway's code has been loaded on this page (by a scene's cutaway or its warm-up): a rig is a task away. */
let cutawayLoaded = false;

/** The layered head. Layers are toggled with `visible`, never remounted; this component owns its materials. */
export function HeadScene({
  asset,
  layers,
  deformed,
  onFirstFrame,
  lod = false,
  heatmap = false,
  layerOpacity = NO_OVERRIDES,
  cutaway = true,
  instant = false,
  warmUp = false,
  highlightLigaments = false,
  materials: given,
}: HeadSceneProps) {
  const own = useMemo(() => (given ? null : createLayerMaterials()), [given]);
  useEffect(
    () => () => {
      if (own) new Set(Object.values(own)).forEach((m) => m.dispose());
    },
    [own],
  );
  const materials = given ?? own!;
  const invalidate = useThree((s) => s.invalidate);
  const meshes = useRef<Partial<Record<MeshName, Mesh | null>>>({});
  const reported = useRef(false);

  // A layer is cut only when a sheet under it is shown: a window onto nothing would show the inside of the head.
  const shows = (l: LayerId) => layers.includes(l);
  const wantCut = cutaway && shows('skin') && (shows('fat') || shows('smas') || shows('bone'));
  const cutFat = shows('fat') && (shows('smas') || shows('bone'));
  // The cutaway's code and vertex data are set up the first time it is wanted (until then: see-through skin).
  const [rig, setRig] = useState<CutawayRig | null>(null);
  const liveRig = rig?.for === deformed ? rig : null;
  useEffect(() => {
    if (!wantCut || liveRig) return;
    let current = true;
    // Without its code (an old page after a redeploy: reported, the app offers a reload) the skin stays
    // see-through; turning the cutaway off and on again tries again.
    loadChunk('cutaway', () => import('./cutaway.ts')).then(
      (m) => {
        cutawayLoaded = true;
        if (current) setRig(m.rigCutaway(asset, deformed, materials));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wantCut, liveRig, asset, deformed, materials]);
  const cutSkin = wantCut && liveRig !== null;
  // A new head (a photo's, the other patient) once the cutaway's code is here (this scene may also have been mounted
  // afresh): its rig follows within a task. Meanwhile the skin stays opaque rather than flashing see-through: a
  // see-through skin with the cutaway's patch is a program of its own, and compiling it in the first step's frame
  // after a photo held the page's thread 0.3–0.9 s in software WebGL (issue 15; 2–3 of 12 bench runs).
  const rigFollows = wantCut && cutawayLoaded && liveRig === null;
  const deeperShown = layers.some((l) => l !== 'skin');
  const seeThroughSkin = !cutSkin && !rigFollows && deeperShown;

  useEffect(() => {
    for (const layer of LAYERS) {
      // Without the cutaway the skin turns see-through when a deeper layer is on, so the layer shows in place.
      const opacity = layerOpacity[layer] ?? (layer === 'skin' && seeThroughSkin ? SEE_THROUGH_SKIN : 1);
      for (const name of MESH_NAMES) {
        if (MESH_LAYER[name] !== layer || name === 'eyes') continue;
        const material = materials[name] as MeshStandardMaterial;
        if (material.opacity === opacity && material.transparent === opacity < 1) continue;
        material.transparent = opacity < 1;
        material.opacity = opacity;
        material.depthWrite = opacity >= 1;
        material.needsUpdate = true;
      }
    }
    invalidate();
  }, [layerOpacity, seeThroughSkin, materials, invalidate]);

  // The peel: the window opens from its centre outward when a step (or the surgeon) first shows what is under
  // the skin, and closes at once when nothing under it is shown any more.
  // Timed by the wall clock, not by frames: software-rendered panes draw few frames per second.
  const peel = useRef({ amount: 0, target: 0, since: 0 });
  useEffect(() => {
    const p = peel.current;
    p.target = cutSkin ? 1 : 0;
    p.since = performance.now() - p.amount * PEEL_SECONDS * 1000;
    if (instant || p.target === 0) p.amount = p.target;
    invalidate();
  }, [cutSkin, instant, invalidate]);
  // Materials kept for the next head still carry this rig's threshold: closed when the rig goes, or the next head's
  // skin (no window depth on its vertices yet) would be drawn all in the cut edge's colour.
  useEffect(() => () => liveRig?.set(0, false), [liveRig]);
  useFrame(() => {
    const p = peel.current;
    if (p.amount < p.target) {
      p.amount = Math.min(p.target, (performance.now() - p.since) / (PEEL_SECONDS * 1000));
      invalidate();
    }
    liveRig?.set(p.amount, cutFat);
  });

  useEffect(() => {
    // Ligaments glow in their own colour while the step pulls tissue past them (design choice: emissive 0.7).
    const ligaments = materials.ligaments as MeshStandardMaterial;
    ligaments.emissive.set(highlightLigaments ? LAYER_COLOURS.ligaments : '#000000');
    ligaments.emissiveIntensity = highlightLigaments ? 0.7 : 0;
    invalidate();
  }, [highlightLigaments, materials, invalidate]);

  useEffect(() => {
    const skin = materials.skin as MeshStandardMaterial;
    skin.color.set(heatmap ? '#ffffff' : SKIN_MATERIAL_COLOUR);
    // The heat map's colours are read as millimetres: no crease shading over them.
    enableCreaseShading(skin).strength.value = heatmap ? 0 : 1;
    invalidate();
  }, [heatmap, materials, invalidate]);

  // The first frame of the head as it should look: not while the engine's deformation is still on its way.
  const gate = useContext(ReadyGateContext);
  const [drawn, setDrawn] = useState(false);
  useFrame(() => {
    if (reported.current || gate?.held) return;
    reported.current = true;
    // useFrame runs before this frame is drawn; report on the next task, after the draw.
    requestAnimationFrame(() => {
      onFirstFrame?.();
      setDrawn(true);
    });
  });

  // Warm-up (consult): the programs the steps will need, compiled once the head is drawn and the page is idle rather
  // than when a step first shows them (warmUp.ts). Its code loads only where it is asked for.
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    if (!warmUp || !drawn || !cutaway) return;
    let live = true;
    const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 500));
    whenIdle(() => {
      if (!live) return;
      loadChunk('warm-up', () => import('./warmUp.ts')).then(
        (m) => {
          if (!live) return;
          const meshes = MESH_NAMES.map((name) => [deformed[name] ?? asset.geometries[name], materials[name]] as const);
          const made = m.warmUpPrograms(gl, camera, scene, asset, deformed, materials, meshes);
          cutawayLoaded = true;
          setRig((r) => (r?.for === deformed ? r : made));
        },
        () => undefined,
      );
    });
    return () => {
      live = false;
    };
  }, [warmUp, drawn, cutaway, asset, deformed, materials, gl, camera, scene]);

  const names = MESH_NAMES.filter((n) => (lod ? n !== 'skin' : n !== 'skin_lod'));
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
