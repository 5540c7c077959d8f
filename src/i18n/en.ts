// English UI strings. The accessible names in DESIGN.md's deep-link contract are fixed for `en`.
export const en = {
  app: {
    title: 'Lift Visualizer',
    disclaimer:
      'For explanation only: the techniques are described as the clinic describes them. Results differ from person to person; ask your surgeon.',
    loading: 'Loading the 3D face…',
    viewerLabel: '3D face: {{technique}}, step {{step}} of {{steps}} ({{stepName}}), {{view}} view',
  },
  technique: {
    traditional: 'Traditional mini lift',
    smile: 'Smile Mini Lift',
    thread: 'Dual-layer thread lift',
    'thread-conventional': 'Conventional thread lift',
    facelift: 'Full facelift',
  },
  layer: {
    skin: 'Skin',
    fat: 'Fat',
    smas: 'SMAS (fascia)',
    ligaments: 'Retaining ligaments',
    bone: 'Bone',
  },
  view: {
    front: 'Front',
    'oblique-left': 'Oblique left',
    'oblique-right': 'Oblique right',
    'profile-left': 'Profile left',
    'profile-right': 'Profile right',
  },
  region: {
    jawline: 'Jawline',
    nasolabial: 'Nasolabial fold',
    midface: 'Midface',
    periorbital: 'Around the eyes',
    temple: 'Temple',
    neck: 'Neck',
  },
  control: {
    technique: 'Technique',
    play: 'Play',
    pause: 'Pause',
    progress: 'Procedure progress',
    compare: 'Compare',
    beforeAfter: 'Before / after',
    layers: 'Layers',
    language: 'Language',
    view: 'View',
    stepBack: 'Previous step',
    stepForward: 'Next step',
    dismiss: 'Dismiss',
    retry: 'Try again',
    sag: 'Ageing sag',
  },
  notice: {
    url: 'Some link settings were ignored: {{list}}',
    config: 'The clinic settings have problems; defaults are used for: {{list}}',
    model: 'The 3D face could not be loaded.',
    webgl: 'This device cannot show 3D graphics, so drawings are shown instead.',
    contextLost: 'The graphics were interrupted; restoring…',
    error: 'Something went wrong. Your settings are kept.',
  },
  web: { book: 'Book a consultation' },
  language: { ko: '한국어', en: 'English', zh: '中文', ja: '日本語' },
};

export type Resources = typeof en;
