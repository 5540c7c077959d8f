import { useMemo } from 'react';
import type { BufferGeometry } from 'three';
import type { TechniqueId } from '../core/ids.ts';
import { incisionLength, PROCEDURES, resolveAnchor, resolveIncisions, resolvePoint, type ProcedureStep } from '../core/procedures/index.ts';
import type { HeadAsset } from './headAsset.ts';
import { Labels, type LabelSpec } from './Labels.tsx';

export interface LabelTexts {
  readonly incision: (cm: string) => string;
  readonly fixation: string;
  readonly entry: string;
}

export interface TechniqueLabelsProps {
  readonly asset: HeadAsset;
  readonly skin: BufferGeometry;
  readonly technique: TechniqueId;
  readonly step: ProcedureStep;
  readonly stepNumber: number;
  readonly texts: LabelTexts;
  readonly visible: boolean;
}

/** Incision length tags, fixation and thread-entry points, and the numbered callout of the current step. */
export function TechniqueLabels({ asset, skin, technique, step, stepNumber, texts, visible }: TechniqueLabelsProps) {
  const labels = useMemo(() => {
    const out: LabelSpec[] = [];
    const head = asset.data;
    const procedure = PROCEDURES[technique];
    if (step.shows.incision) {
      const lines = resolveIncisions(head, technique);
      // Half-centimetre steps: the label explains, it does not measure (the consult panel has the mm).
      const cm = (Math.round((incisionLength(head, technique) / 10) * 2) / 2).toLocaleString(undefined, { maximumFractionDigits: 1 });
      lines.forEach((line, i) => {
        const mid = Math.floor(line.length / 6) * 3;
        out.push({ id: `incision-${i}`, text: texts.incision(cm), pointMm: [line[mid]!, line[mid + 1]!, line[mid + 2]!] });
      });
    }
    if (step.shows.vector || step.shows.threads) {
      const anchor = resolveAnchor(head, technique);
      out.push({ id: 'fixation-l', text: texts.fixation, pointMm: anchor.l }, { id: 'fixation-r', text: texts.fixation, pointMm: anchor.r });
    }
    if (step.shows.threads) {
      procedure.entryPoints.forEach((p, i) => {
        out.push({ id: `entry-l-${i}`, text: texts.entry, pointMm: resolvePoint(head, p, 'l') });
        out.push({ id: `entry-r-${i}`, text: texts.entry, pointMm: resolvePoint(head, p, 'r') });
      });
    }
    const focus = step.focus.landmark;
    if (focus) out.push({ id: 'callout', text: String(stepNumber), pointMm: head.landmarks[focus], callout: true });
    return out;
  }, [asset, technique, step, stepNumber, texts]);
  return <Labels skinMesh={asset.data.skin} skin={skin} labels={labels} visible={visible} />;
}
