// English captions, keyed `steps.<technique>.<stepId>`. The i18n layer translates from this map. Wording
// presents the clinic's claims as the clinic's and avoids stating mechanics as clinical outcomes.
export const CAPTIONS_EN: Readonly<Record<string, string>> = {
  'steps.traditional.mark': 'A short horizontal incision is marked near the sideburn.',
  'steps.traditional.incise': 'The skin is opened along the mark.',
  'steps.traditional.elevate': 'Beneath the skin and fat lies the SMAS, the fascial layer that carries the lower face.',
  'steps.traditional.pull': 'The SMAS is pulled from bottom to top: a vertical vector over the lower face.',
  'steps.traditional.fix': 'The SMAS is secured to the fixed fascia over the cheekbone arch.',
  'steps.traditional.close': 'The skin settles over the lifted SMAS and the incision is closed.',
  'steps.traditional.result': 'Result: mainly the jawline is lifted.',

  'steps.smile.mark': 'A small incision (about 2 cm, the clinic\'s figure) is marked inside the scalp near the sideburn.',
  'steps.smile.incise': 'The incision stays behind the hairline.',
  'steps.smile.elevate': 'The SMAS of the cheek and midface is reached through the small opening.',
  'steps.smile.pull': 'The SMAS is pulled diagonally, up and out, holding the central midface.',
  'steps.smile.fix': 'The SMAS is fixed to the deep temporal fascia above the ear.',
  'steps.smile.close': 'The skin follows the SMAS; the small incision is closed inside the hair.',
  'steps.smile.result': 'Result: the diagonal pull reaches the nasolabial fold, the area around the eyes and the jawline.',

  'steps.thread.mark-entry': 'Entry points are marked in the temporal hairline; no incision is made.',
  'steps.thread.insert-dermal': 'One thread is passed in the dermis, the layer just under the surface.',
  'steps.thread.insert-fascial': 'A second thread is passed in the SMAS, the deeper fascial layer.',
  'steps.thread.tie-midpoint': 'The two threads are tied together at their midpoint.',
  'steps.thread.fix': 'The tied threads are fixed to the deep temporal fascia, lifting both layers and the retaining ligaments.',
  'steps.thread.result': 'Result: skin and SMAS are lifted together.',

  'steps.thread-conventional.mark-entry': 'For comparison: a conventional thread enters at the temporal hairline.',
  'steps.thread-conventional.insert-dermal': 'The thread runs only in the layer near the skin.',
  'steps.thread-conventional.fix': 'Tension lifts the skin; the SMAS beneath moves much less.',
  'steps.thread-conventional.result': 'Result: a superficial lift; the deeper layer is barely held.',

  'steps.facelift.mark': 'Reference: the full facelift incision runs from the temple, in front of the ear and behind it.',
  'steps.facelift.incise': 'The skin is opened along the whole line.',
  'steps.facelift.elevate': 'A wide skin flap is raised, exposing the SMAS over the cheek and jaw.',
  'steps.facelift.pull': 'The SMAS is pulled up and back.',
  'steps.facelift.fix': 'The SMAS is secured in front of the ear.',
  'steps.facelift.redrape': 'The skin is redraped separately and its excess removed.',
  'steps.facelift.close': 'The long incision is closed around the ear.',
  'steps.facelift.result': 'Result: lower face and neck lifted, with a longer incision and recovery.',
};
