// The unattended kiosk's answer to a GPU that is gone for good: a fresh page, but never a reload loop.

const GPU_RELOAD_KEY = 'lift.gpuReloadAt';
/**
 * The unattended kiosk reloads itself when its GPU is gone for good, but not twice within this window: a GPU
 * that dies again right after a reload leaves the kiosk on the 2D illustration instead of a reload loop.
 * Design choice.
 */
export const GPU_RELOAD_WINDOW_MS = 10 * 60 * 1000;

/**
 * Reload the page after a GPU failure unless that was already done within GPU_RELOAD_WINDOW_MS (remembered in
 * sessionStorage, which a reload keeps). Returns whether a reload was started.
 */
export function reloadForGpu(win: Window = window): boolean {
  try {
    const last = Number(win.sessionStorage.getItem(GPU_RELOAD_KEY) ?? 0);
    if (Date.now() - last < GPU_RELOAD_WINDOW_MS) return false;
    win.sessionStorage.setItem(GPU_RELOAD_KEY, String(Date.now()));
  } catch {
    return false; // no storage: a reload could loop unseen, so keep the page
  }
  win.location.reload();
  return true;
}
