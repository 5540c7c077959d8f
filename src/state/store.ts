// One vanilla zustand store per mounted mode (no React import here: the store core is testable in Node).
// Slices: view (mode, technique, compare, camera view, layers, language), timeline (step, progress,
// playing, speed), tissue (sag, lift parameters) and notices (what the URL or config got wrong).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_PATIENT, LAYERS, type Language, type LayerId, type Mode, type PatientId, type TechniqueId, type ViewId } from '../core/ids.ts';
import { MAX_MONTHS, type DeepLink, type DeepLinkIssue } from '../core/url/index.ts';

export interface Notice {
  readonly id: string;
  readonly kind: 'url' | 'config' | 'model' | 'webgl' | 'error' | 'update';
  /** i18n key of the message. */
  readonly key: string;
  /** Values interpolated into the message as plain text. */
  readonly values?: Readonly<Record<string, string>>;
  readonly details?: readonly DeepLinkIssue[];
  /** A button with the notice: 'reload' reloads the page at its current address (the deep link). */
  readonly action?: 'reload';
}

export interface ViewSlice {
  mode: Mode;
  technique: TechniqueId;
  compare: TechniqueId[];
  view: ViewId;
  layers: LayerId[];
  lang: Language;
  embed: boolean;
  /** Whose head is shown; only consult offers another patient than the default (web and kiosk: always the default). */
  patient: PatientId;
  setTechnique: (technique: TechniqueId) => void;
  setCompare: (compare: TechniqueId[]) => void;
  setView: (view: ViewId) => void;
  toggleLayer: (layer: LayerId) => void;
  setLayers: (layers: readonly LayerId[]) => void;
  setLang: (lang: Language) => void;
  /** Consult only; elsewhere the default patient stays (their pages never load another model file). */
  setPatient: (patient: PatientId) => void;
}

export interface TimelineSlice {
  step: number;
  progress: number;
  playing: boolean;
  speed: number;
  /** Before/after split in [0, 1]; null when the before/after view is off. */
  beforeAfter: number | null;
  setProgress: (progress: number) => void;
  setStep: (step: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  setBeforeAfter: (split: number | null) => void;
}

export interface TissueSlice {
  sag: number;
  vectorAngleDeg: number | null;
  liftMm: number | null;
  /** Months after the operation, [0, MAX_MONTHS]: retention of the lift and ageing meanwhile (core/tissue/months.ts). */
  months: number;
  setSag: (sag: number) => void;
  setMonths: (months: number) => void;
  setLiftParams: (params: { vectorAngleDeg?: number | null; liftMm?: number | null }) => void;
}

export interface NoticeSlice {
  notices: Notice[];
  addNotice: (notice: Notice) => void;
  dismissNotice: (id: string) => void;
}

/** A pen stroke glued to the skin (triangle + barycentric weights), so it follows the tissue. */
export type Stroke = readonly { readonly tri: number; readonly u: number; readonly v: number; readonly w: number }[];

export interface ConsultSlice {
  /** The surgeon's pen strokes on the face (kept on this device only; never in the URL). */
  strokes: Stroke[];
  penActive: boolean;
  heatmap: boolean;
  /** Incisions, threads, arrows and labels drawn over the face. */
  overlays: boolean;
  /**
   * Opacity per layer chosen by the surgeon; a missing layer is at its default (1, and for the skin: automatic,
   * i.e. opaque with the cutaway, see-through while a deeper layer is shown without it).
   */
  layerOpacity: Partial<Record<LayerId, number>>;
  /** Deeper layers are seen through a window cut over the cheek and temple (false: through see-through skin). */
  cutaway: boolean;
  /** Consult's display scale of the movement, [1, 5]; always labelled on the canvas while above 1. Never in the URL. */
  exaggerate: number;
  setExaggerate: (factor: number) => void;
  setOverlays: (on: boolean) => void;
  /** null puts the layer back to its default. */
  setLayerOpacity: (layer: LayerId, opacity: number | null) => void;
  setCutaway: (on: boolean) => void;
  addStroke: (stroke: Stroke) => void;
  undoStroke: () => void;
  clearStrokes: () => void;
  setPenActive: (on: boolean) => void;
  setHeatmap: (on: boolean) => void;
}

export interface ResetSlice {
  /** Back to the mode's defaults (the kiosk does this when left alone). */
  reset: () => void;
}

export type AppState = ViewSlice & TimelineSlice & TissueSlice & NoticeSlice & ConsultSlice & ResetSlice;
export type AppStore = StoreApi<AppState>;

export interface StoreDefaults {
  mode: Mode;
  technique: TechniqueId;
  lang: Language;
  sag: number;
}

/**
 * Consult's largest exaggeration: EXAGGERATE_MAX of core/tissue/exaggerate.ts, repeated so the patient's first
 * page does not load that module (tests/unit/state keeps the two equal).
 */
export const EXAGGERATE_MAX = 5;

/** Default sag shown before a lift. Design choice: a clearly aged but not extreme face. */
export const DEFAULT_SAG = 0.7;
export const DEFAULT_LAYERS: LayerId[] = ['skin'];

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

function initialData(defaults: StoreDefaults, link: DeepLink) {
  const mode = link.mode ?? defaults.mode;
  return {
    mode,
    technique: link.technique ?? defaults.technique,
    compare: link.compare ?? [],
    view: link.view ?? 'oblique-left',
    layers: link.layers ?? [...DEFAULT_LAYERS],
    lang: link.lang ?? defaults.lang,
    embed: link.embed ?? false,
    patient: mode === 'consult' ? (link.patient ?? DEFAULT_PATIENT) : DEFAULT_PATIENT,
    step: link.step ?? 0,
    progress: link.progress ?? 0,
    playing: false,
    speed: 1,
    beforeAfter: null,
    sag: link.sag ?? defaults.sag,
    vectorAngleDeg: null,
    liftMm: null,
    months: link.months ?? 0,
    exaggerate: 1,
    strokes: [],
    penActive: false,
    heatmap: false,
    overlays: true,
    layerOpacity: {},
    cutaway: true,
  } satisfies Partial<AppState>;
}

export function createAppStore(defaults: StoreDefaults, link: DeepLink = {}): AppStore {
  return createStore<AppState>()((set) => ({
    ...initialData(defaults, link),
    notices: [],

    setTechnique: (technique) => set({ technique, step: 0, progress: 0, vectorAngleDeg: null, liftMm: null }),
    setCompare: (compare) => set({ compare: [...new Set(compare)].slice(0, 3) }),
    setView: (view) => set({ view }),
    toggleLayer: (layer) =>
      set((s) => ({
        layers: s.layers.includes(layer)
          ? s.layers.filter((l) => l !== layer)
          : LAYERS.filter((l) => l === layer || s.layers.includes(l)),
      })),
    setLayers: (layers) => set({ layers: LAYERS.filter((l) => layers.includes(l)) }),
    setLang: (lang) => set({ lang }),
    setPatient: (patient) => set((s) => (s.mode === 'consult' ? { patient } : {})),

    setProgress: (progress) => set({ progress: clamp01(progress) }),
    setStep: (step) => set({ step: Math.max(0, Math.trunc(step)) }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed: Math.min(4, Math.max(0.25, speed)) }),
    setBeforeAfter: (split) => set({ beforeAfter: split === null ? null : clamp01(split) }),

    setSag: (sag) => set({ sag: clamp01(sag) }),
    setMonths: (months) => set({ months: Number.isFinite(months) ? Math.min(MAX_MONTHS, Math.max(0, months)) : 0 }),
    setExaggerate: (factor) => set({ exaggerate: Number.isFinite(factor) ? Math.min(EXAGGERATE_MAX, Math.max(1, factor)) : 1 }),
    setLiftParams: (params) => set((s) => ({ ...s, ...params })),

    addStroke: (stroke) => set((s) => ({ strokes: [...s.strokes, stroke] })),
    undoStroke: () => set((s) => ({ strokes: s.strokes.slice(0, -1) })),
    clearStrokes: () => set({ strokes: [] }),
    setPenActive: (penActive) => set({ penActive }),
    setHeatmap: (heatmap) => set({ heatmap }),
    setOverlays: (overlays) => set({ overlays }),
    setLayerOpacity: (layer, opacity) =>
      set((s) => {
        const layerOpacity = { ...s.layerOpacity };
        if (opacity === null) delete layerOpacity[layer];
        else layerOpacity[layer] = clamp01(opacity);
        return { layerOpacity };
      }),
    setCutaway: (cutaway) => set({ cutaway }),

    addNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),

    reset: () => set((s) => ({ ...initialData({ ...defaults, mode: s.mode }, {}), lang: s.lang, notices: s.notices })),
  }));
}
