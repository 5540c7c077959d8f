// A PNG the patient can take home: the current view(s) side by side with technique names, the date and
// the disclaimer. Composed on the device from the canvases' pixels; nothing is uploaded.

export interface SnapshotPane {
  readonly canvas: HTMLCanvasElement;
  readonly title: string;
  /** On-screen annotations of the pane (text and position in CSS pixels of the canvas). */
  readonly labels?: readonly { readonly text: string; readonly x: number; readonly y: number; readonly callout: boolean }[];
  /** A warning drawn on the picture, e.g. consult's "Movement exaggerated ×3" (always shown while it applies). */
  readonly badge?: string;
  /** Lines drawn in a box at the picture's lower left (a compare pane's lift in mm). */
  readonly notes?: readonly string[];
}

/** The pane's badge and notes as on screen (read back with textContent, like the labels). */
export function paneAnnotations(wrapper: HTMLElement): Pick<SnapshotPane, 'badge' | 'notes'> {
  const badge = wrapper.querySelector<HTMLElement>('.viewer-badge')?.textContent ?? '';
  const notes = [...wrapper.querySelectorAll<HTMLElement>('.pane-lift > div')].map((row) =>
    [...row.children].map((c) => c.textContent ?? '').join(' '),
  );
  return { ...(badge ? { badge } : {}), ...(notes.length > 0 ? { notes } : {}) };
}

/** The heat map's colour bar for the snapshot: colours evenly spaced over 0…maxMm, ticks labelled in mm. */
export interface SnapshotLegend {
  readonly title: string;
  readonly caption: string;
  readonly colours: readonly string[];
  readonly ticksMm: readonly number[];
  readonly maxMm: number;
}

/** The pane's visible DOM labels (the scene writes them with textContent; read back the same way). */
export function visibleLabels(wrapper: HTMLElement, canvas: HTMLCanvasElement): NonNullable<SnapshotPane['labels']> {
  const box = canvas.getBoundingClientRect();
  return [...wrapper.querySelectorAll<HTMLElement>('.scene-label')]
    .filter((el) => el.style.visibility !== 'hidden' && getComputedStyle(el).display !== 'none' && el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', x: r.left - box.left, y: r.top - box.top + r.height / 2, callout: el.classList.contains('callout') };
    });
}

export interface SnapshotText {
  readonly heading: string;
  readonly date: string;
  readonly disclaimer: string;
  readonly legend?: SnapshotLegend;
}

const PAD = 24;
const HEADER = 64;
const FOOTER = 72;
const LEGEND = 58;

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  // Break on spaces where there are any, else per character (CJK has no spaces).
  const tokens = /\s/.test(text) ? text.split(/(\s+)/) : [...text];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (ctx.measureText(line + token).width > maxWidth && line.trim() !== '') {
      lines.push(line.trim());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}

export function composeSnapshot(panes: readonly SnapshotPane[], text: SnapshotText): HTMLCanvasElement {
  const paneW = Math.max(...panes.map((p) => p.canvas.width), 400);
  const paneH = Math.max(...panes.map((p) => p.canvas.height), 400);
  const scale = Math.min(1, 900 / paneH);
  const w = Math.round(paneW * scale);
  const h = Math.round(paneH * scale);
  const out = document.createElement('canvas');
  out.width = PAD + panes.length * (w + PAD);
  const legendH = text.legend ? LEGEND : 0;
  out.height = HEADER + h + 36 + legendH + FOOTER;
  const ctx = out.getContext('2d');
  if (!ctx) {
    releaseCanvas(out);
    throw new SnapshotError('no 2D context for the snapshot (the device is out of canvas memory)');
  }
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  const font = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  ctx.fillStyle = '#1d2a30';
  ctx.font = `600 26px ${font}`;
  ctx.fillText(text.heading, PAD, 40);
  ctx.font = `16px ${font}`;
  ctx.fillStyle = '#4e5d64';
  const dateWidth = ctx.measureText(text.date).width;
  ctx.fillText(text.date, out.width - PAD - dateWidth, 40);
  panes.forEach((pane, i) => {
    const x = PAD + i * (w + PAD);
    ctx.drawImage(pane.canvas, x, HEADER, w, h);
    // Annotations as on screen: tags in the marker colours, scaled from CSS pixels to the composed picture.
    const sx = w / Math.max(1, pane.canvas.clientWidth);
    const sy = h / Math.max(1, pane.canvas.clientHeight);
    ctx.font = `600 14px ${font}`;
    for (const label of pane.labels ?? []) {
      const lx = x + label.x * sx;
      const ly = HEADER + label.y * sy;
      const tw = ctx.measureText(label.text).width;
      ctx.fillStyle = label.callout ? '#b2306b' : 'rgba(22, 50, 74, 0.9)';
      ctx.fillRect(lx, ly - 11, tw + 12, 22);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(label.text, lx + 6, ly + 5);
    }
    if (pane.notes && pane.notes.length > 0) {
      ctx.font = `600 14px ${font}`;
      const nw = Math.max(...pane.notes.map((n) => ctx.measureText(n).width)) + 16;
      const nh = pane.notes.length * 20 + 10;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillRect(x + 8, HEADER + h - nh - 8, nw, nh);
      ctx.fillStyle = '#1d2a30';
      pane.notes.forEach((n, k) => ctx.fillText(n, x + 16, HEADER + h - nh + 12 + k * 20));
    }
    if (pane.badge) {
      // Drawn last on the picture so nothing covers it.
      ctx.font = `700 16px ${font}`;
      const bw = ctx.measureText(pane.badge).width + 16;
      ctx.fillStyle = '#b2306b';
      ctx.fillRect(x + 8, HEADER + 8, bw, 28);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(pane.badge, x + 16, HEADER + 28);
    }
    ctx.fillStyle = '#1d2a30';
    ctx.font = `600 18px ${font}`;
    ctx.fillText(pane.title, x, HEADER + h + 26);
  });
  if (text.legend) drawLegend(ctx, text.legend, PAD, HEADER + h + 44, font);
  ctx.font = `15px ${font}`;
  ctx.fillStyle = '#4e5d64';
  wrap(ctx, text.disclaimer, out.width - 2 * PAD).forEach((line, i) => ctx.fillText(line, PAD, HEADER + h + 56 + legendH + i * 20));
  return out;
}

/** A snapshot that could not be made (no canvas memory on the device); nothing else is affected. */
export class SnapshotError extends Error {}

/**
 * Give a canvas's pixel memory back at once (iOS counts canvas memory per page and frees it only when the
 * canvas shrinks or is collected, so a few big snapshots would make the next one fail).
 */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}

/** The heat map legend at (x, y): title, colour bar 240 px wide with mm ticks, caption to its right. */
function drawLegend(ctx: CanvasRenderingContext2D, legend: SnapshotLegend, x: number, y: number, font: string): void {
  const barW = 240, barH = 12;
  ctx.fillStyle = '#1d2a30';
  ctx.font = `600 14px ${font}`;
  ctx.fillText(legend.title, x, y);
  const gradient = ctx.createLinearGradient(x, 0, x + barW, 0);
  legend.colours.forEach((c, i) => gradient.addColorStop(legend.colours.length > 1 ? i / (legend.colours.length - 1) : 0, c));
  ctx.fillStyle = gradient;
  ctx.fillRect(x, y + 8, barW, barH);
  ctx.font = `13px ${font}`;
  ctx.fillStyle = '#1d2a30';
  for (const v of legend.ticksMm) {
    const tx = x + (v / legend.maxMm) * barW;
    ctx.fillRect(tx, y + 8 + barH, 1, 4);
    const label = v >= legend.maxMm ? `≥ ${v}` : String(v);
    const lw = ctx.measureText(label).width;
    ctx.fillText(label, Math.min(x + barW - lw, Math.max(x, tx - lw / 2)), y + 8 + barH + 17);
  }
  ctx.fillStyle = '#4e5d64';
  ctx.fillText(legend.caption, x + barW + 16, y + 8 + barH);
}

/**
 * Save the composed snapshot as a file download (a blob URL on this device). Rejects with SnapshotError when
 * the browser cannot encode the picture (toBlob hands back null: iOS does when canvas memory runs out).
 */
export async function downloadSnapshot(canvas: HTMLCanvasElement, filename: string): Promise<Blob> {
  const blob = await new Promise<Blob>((done, fail) =>
    canvas.toBlob((b) => (b ? done(b) : fail(new SnapshotError('the picture could not be encoded (toBlob gave null)'))), 'image/png'),
  );
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}

/**
 * Compose and download a snapshot; the composed canvas is released afterwards whether or not the save
 * worked. Rejects with SnapshotError when the picture cannot be made.
 */
export async function saveSnapshot(panes: readonly SnapshotPane[], text: SnapshotText, filename: string): Promise<Blob> {
  const composed = composeSnapshot(panes, text);
  try {
    return await downloadSnapshot(composed, filename);
  } finally {
    releaseCanvas(composed);
  }
}
