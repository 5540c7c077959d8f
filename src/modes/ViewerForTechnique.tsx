import type { TechniqueId } from '../core/ids.ts';
import { useApp, useAppContext } from '../state/context.tsx';
import { Viewer } from '../scene/Viewer.tsx';
import { PlaybackDriver } from '../scene/PlaybackDriver.tsx';
import { TissueDeformer } from '../scene/TissueDeformer.tsx';
import { useViewerLabel } from '../ui/useViewerLabel.ts';

export interface ViewerForTechniqueProps {
  readonly technique: TechniqueId;
  /** The view that drives the shared timeline (exactly one per mode). */
  readonly drivesPlayback?: boolean;
  /** Show a fixed progress instead of the store's (before/after panes). */
  readonly fixedProgress?: number;
  readonly lod?: boolean;
  readonly autoRetryMs?: number;
  readonly title?: string;
}

/** A viewer bound to the mode's store: the deformed head of one technique at the shared progress. */
export function ViewerForTechnique({ technique, drivesPlayback = false, fixedProgress, lod = false, autoRetryMs, title }: ViewerForTechniqueProps) {
  const { store } = useAppContext();
  const view = useApp((s) => s.view);
  const layers = useApp((s) => s.layers);
  const label = useViewerLabel(technique);
  return (
    <Viewer technique={technique} view={view} layers={layers} label={label} lod={lod} {...(autoRetryMs !== undefined ? { autoRetryMs } : {})} {...(title !== undefined ? { title } : {})}>
      {(asset, deformed) => (
        <>
          {drivesPlayback && <PlaybackDriver store={store} />}
          <TissueDeformer asset={asset} deformed={deformed} technique={technique} store={store} {...(fixedProgress !== undefined ? { fixedProgress } : {})} />
        </>
      )}
    </Viewer>
  );
}
