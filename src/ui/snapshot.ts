// A PNG the patient can take home: the current view(s) side by side with technique names, the date and
// the disclaimer. Composed on the device from the canvases' pixels; nothing is uploaded.

export interface SnapshotPane {
  readonly canvas: HTMLCanvasElement;
  readonly title: string;
  /** On-screen annotations of the pane (text and position in CSS pixels of the canvas). */
  readonly labels?: readonly { readonly text: string; readonly x: number; readonly y: number; readonly callout: boolean }[];
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
}

const PAD = 24;
const HEADER = 64;
const FOOTER = 72;

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
  out.height = HEADER + h + 36 + FOOTER;
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
    ctx.fillStyle = '#1d2a30';
    ctx.font = `600 18px ${font}`;
    ctx.fillText(pane.title, x, HEADER + h + 26);
  });
  ctx.font = `15px ${font}`;
  ctx.fillStyle = '#4e5d64';
  wrap(ctx, text.disclaimer, out.width - 2 * PAD).forEach((line, i) => ctx.fillText(line, PAD, HEADER + h + 56 + i * 20));
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
