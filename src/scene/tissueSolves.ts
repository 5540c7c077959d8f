// The tissue Worker's second part (scene/tissue.worker.ts), a chunk of its own that the Worker loads only when a page
// asks it to solve as well (tissueModel.ts solveInWorker: consult, the kiosk, a photo's head): each technique's unit
// responses (core/tissue/responses.ts) and the head's crease pattern (core/tissue/wrinkles.ts). On the page's thread
// these were its longest tasks after a photo (issue 15); the web mode's first load, which makes them on the page,
// never fetches this code.
import type { TissueModel } from '../core/tissue/model.ts';
import { transferablesOf } from '../core/tissue/transfer.ts';
import { wrinklesOfModel, type Wrinkles } from '../core/tissue/wrinkles.ts';

export { packUnitResponses } from '../core/tissue/responses.ts';

/** The model's crease pattern (wrinklesOfModel) and the ArrayBuffers its message may move to the page. */
export function packWrinkles(model: TissueModel): { wrinkles: Wrinkles; transfer: ArrayBuffer[] } {
  const wrinkles = wrinklesOfModel(model);
  return { wrinkles, transfer: transferablesOf(wrinkles) };
}
