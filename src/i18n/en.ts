// English UI strings. The accessible names in DESIGN.md's deep-link contract are fixed for `en`.
import { UPDATE_TEXT } from './update.ts';

export const en = {
  update: UPDATE_TEXT.en,
  app: {
    about: 'About this visualizer',
    aboutText:
      'A teaching model built from open face data and our own modelling; anatomy and dimensions follow published sources, and values that are design choices are marked so in the code. It is not a simulation of your face.',
    skullCredit:
      'Skull mesh: "Skull" by Yahoo JAPAN (Thingiverse 182365), CC BY 3.0, via odedstein/meshes; warped and simplified for this app.',
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
    contextLost: 'The graphics were interrupted; restoring…',
    error: 'Something went wrong. Your settings are kept.',
  },
  web: {
    book: 'Book a consultation',
    intro: 'See, step by step, how the clinic\'s lifting techniques move the tissue of the face.',
    flowLabel: 'Guided explanation',
    concern: {
      heading: 'What bothers you?',
      hint: 'Choose one; you can change it at any time.',
      jawline: 'Sagging jawline',
      nasolabial: 'Nasolabial folds',
      crowsfeet: 'Crow\'s feet',
    },
    match: {
      heading: 'Which technique addresses it, and why',
      clinicSays: 'The clinic describes it like this:',
      jawline:
        'The traditional mini lift is the clinic\'s technique for the jawline: through a horizontal incision it pulls the fascial layer (SMAS) from bottom to top, which mainly improves the jawline. The Smile Mini Lift also improves the jawline.',
      nasolabial:
        'The Smile Mini Lift pulls the facial fascial layer diagonally through a small incision near the sideburn and holds the central midface, so it improves the nasolabial folds as well as the jawline.',
      crowsfeet:
        'The Smile Mini Lift\'s diagonal pull also improves fine wrinkles around the eyes. See the note on crow\'s feet below.',
      show: 'Show it in 3D',
    },
    animation: {
      heading: 'Watch it in 3D',
      hint: 'Drag the face with one finger or the mouse to turn it. Play runs the procedure; the arrows go step by step.',
      steps: 'Steps of the procedure',
      before: 'Before',
      after: 'After',
    },
    summary: {
      traditional: 'Horizontal incision; pulls the fascial layer (SMAS) from bottom to top; mainly improves the jawline.',
      smile: 'Small incision near the sideburn; pulls the fascial layer diagonally and holds the central midface; improves nasolabial folds, fine wrinkles around the eyes and the jawline.',
      thread: 'Threads without an incision in both the dermal and the fascial layer, tied at the midpoint and fixed firmly; lifts the sagging retaining ligaments.',
    },
    compare: {
      heading: 'Mini lift or facelift, in plain words',
      intro:
        'Many people hesitate because of visible scars and a long recovery. The clinic describes the mini lift as a smaller alternative to a full facelift.',
      aspect: 'What differs',
      mini: 'Mini lift',
      facelift: 'Full facelift',
      incision: 'Incision',
      miniIncision: 'About 2 cm, near the sideburn, inside the scalp',
      faceliftIncision: 'Longer, running in front of and around the ear',
      procedure: 'Procedure',
      miniProcedure: 'Pulls the sagging jawline upward, secures and sutures it; a shorter procedure (typically about 1.5 hours, local anaesthesia possible)',
      faceliftProcedure: 'Lifts the tissue of the whole lower face and neck; a longer procedure',
      recovery: 'Recovery',
      miniRecovery: 'Typically 1–2 weeks; quicker return to daily life',
      faceliftRecovery: 'Typically 2–3 weeks before social activities; the face can take 2–3 months to feel normal',
      rangesNote: 'Recovery times are typical ranges reported for these procedures, not a promise: your own recovery can differ.',
    },
    crowsfeet: {
      heading: 'A note on crow\'s feet',
      text:
        'According to the clinic, crow\'s feet improve to some extent when their cause is sagging. Deep crow\'s feet from lost skin elasticity may need another procedure; please ask about it in a consultation.',
    },
    threads: {
      heading: 'Dual-layer thread lift versus a conventional thread lift',
      intro: 'The clinic describes its dual-method thread lifting as pairing well with a mini lift.',
      conventional: 'Conventional thread lift',
      conventionalText:
        'Pulls only the layer near the skin, so, as the clinic describes it, the effect lasts a short time and a foreign-body sensation is common.',
      dual: 'Dual-layer thread lift',
      dualText:
        'Inserts threads without an incision in both the dermal and the fascial layer, ties them at the midpoint and fixes them firmly, lifting the sagging retaining ligaments.',
      recovery: 'Typical range reported for thread lifts: swelling mostly within the first week, bruising fading in 7–10 days.',
      show: 'Show the dual-layer thread lift in 3D',
    },
    disclaimerHeading: 'Please note',
    bookHeading: 'Talk to a surgeon',
    bookText: 'Only a consultation can tell which technique, if any, suits you.',
  },
  kiosk: {
    touchToStart: 'Touch the screen to explore',
    attractLabel: 'Demonstration',
    tagline: {
      traditional: 'Pulls the fascial layer (SMAS) from bottom to top — mainly the jawline.',
      smile: 'A diagonal pull of the fascial layer — jawline, nasolabial folds and fine lines around the eyes.',
      thread: 'Threads in two layers, without an incision — lifting the retaining ligaments.',
    },
    qrHeading: 'Continue on your phone',
    qrHint: 'Scan the code with your phone\'s camera to see this explanation there and book a consultation.',
    qrLabel: 'QR code that opens this explanation on your phone',
    stillThere: 'Still there?',
    countdown: 'Returning to the start in {{seconds}} s',
    continue: 'Continue',
    restart: 'Start over',
    restarting: 'Restarting in a moment…',
  },
  label: { incision: 'Incision ≈ {{cm}} cm', fixation: 'Fixation', entry: 'Thread entry' },
  photo: { consult: 'Use a photo of the patient', web: 'Try it on my photo' },
  language: { ko: '한국어', en: 'English', zh: '中文', ja: '日本語' },
};

export type Resources = typeof en;
