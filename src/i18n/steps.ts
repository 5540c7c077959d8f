// Step captions per language: `steps.<technique>.<stepId>`. English comes from the engine's own captions
// (src/core/procedures/captions.en.ts, flat keys); ko, zh and ja are translated here, keyed the same way.
// tests/unit/i18n fails when a caption is added to the engine without its translations (at run time the
// English caption is the fallback).
import type { Language } from '../core/ids.ts';
import { CAPTIONS_EN } from '../core/procedures/captions.en.ts';

type FlatCaptions = Readonly<Record<string, string>>;

const CAPTIONS_KO: FlatCaptions = {
  'steps.traditional.mark': '구레나룻 근처에 짧은 가로 절개선을 표시합니다.',
  'steps.traditional.incise': '표시한 선을 따라 피부를 엽니다.',
  'steps.traditional.elevate': '피부와 지방 아래에는 아래 얼굴을 지탱하는 근막층인 SMAS 근막이 있습니다.',
  'steps.traditional.pull': 'SMAS 근막을 아래에서 위로 당깁니다. 아래 얼굴에 수직 방향의 힘이 걸립니다.',
  'steps.traditional.fix': 'SMAS 근막을 광대활 위의 고정된 근막에 고정합니다.',
  'steps.traditional.close': '피부가 끌어올린 SMAS 근막 위로 자리 잡고 절개 부위를 봉합합니다.',
  'steps.traditional.result': '결과: 주로 턱선이 올라갑니다.',

  'steps.smile.mark': '구레나룻 근처 두피 안쪽에 작은 절개선(병원 기준 약 2cm)을 표시합니다.',
  'steps.smile.incise': '절개는 헤어라인 안쪽에 머뭅니다.',
  'steps.smile.elevate': '작은 절개를 통해 뺨과 중안면의 SMAS 근막에 닿습니다.',
  'steps.smile.pull': 'SMAS 근막을 위쪽 바깥으로 사선 방향으로 당겨 중안면 중앙을 잡아 줍니다.',
  'steps.smile.fix': 'SMAS 근막을 귀 위쪽의 깊은 측두근막에 고정합니다.',
  'steps.smile.close': '피부가 SMAS 근막을 따라 움직이고, 작은 절개는 머리카락 안에서 봉합합니다.',
  'steps.smile.result': '결과: 사선 방향의 당김이 팔자주름, 눈가, 턱선까지 전해집니다.',

  'steps.thread.mark-entry': '관자놀이 헤어라인에 실이 들어갈 자리를 표시합니다. 절개는 하지 않습니다.',
  'steps.thread.insert-dermal': '첫 번째 실을 표면 바로 아래층인 진피에 통과시킵니다.',
  'steps.thread.insert-fascial': '두 번째 실을 더 깊은 근막층인 SMAS 근막에 통과시킵니다.',
  'steps.thread.tie-midpoint': '두 실을 중간 지점에서 서로 묶습니다.',
  'steps.thread.fix': '묶은 실을 깊은 측두근막에 고정하여 두 층과 지지 인대를 함께 끌어올립니다.',
  'steps.thread.result': '결과: 피부와 SMAS 근막이 함께 올라갑니다.',

  'steps.thread-conventional.mark-entry': '비교용: 일반 실은 관자놀이 헤어라인에서 들어갑니다.',
  'steps.thread-conventional.insert-dermal': '실은 피부 가까운 층에서만 지나갑니다.',
  'steps.thread-conventional.fix': '장력이 피부를 올리지만, 그 아래의 SMAS 근막은 훨씬 적게 움직입니다.',
  'steps.thread-conventional.result': '결과: 표면의 리프팅. 깊은 층은 거의 잡히지 않습니다.',

  'steps.facelift.mark': '참고: 전체 안면거상술의 절개선은 관자놀이에서 귀 앞과 귀 뒤까지 이어집니다.',
  'steps.facelift.incise': '선 전체를 따라 피부를 엽니다.',
  'steps.facelift.elevate': '넓은 피부판을 들어 올려 뺨과 턱의 SMAS 근막을 드러냅니다.',
  'steps.facelift.pull': 'SMAS 근막을 위쪽 뒤로 당깁니다.',
  'steps.facelift.fix': 'SMAS 근막을 귀 앞에 고정합니다.',
  'steps.facelift.redrape': '피부를 따로 다시 덮고 남는 피부를 제거합니다.',
  'steps.facelift.close': '귀 주위의 긴 절개를 봉합합니다.',
  'steps.facelift.result': '결과: 아래 얼굴과 목이 올라가지만, 절개가 길고 회복도 깁니다.',
};

const CAPTIONS_ZH: FlatCaptions = {
  'steps.traditional.mark': '在鬓角附近标记一条短的水平切口。',
  'steps.traditional.incise': '沿标记线切开皮肤。',
  'steps.traditional.elevate': '皮肤和脂肪之下是 SMAS，即承托下面部的筋膜层。',
  'steps.traditional.pull': '将 SMAS 由下向上提拉：下面部受到垂直方向的力。',
  'steps.traditional.fix': '将 SMAS 固定在颧弓上方稳固的筋膜上。',
  'steps.traditional.close': '皮肤贴合在提升后的 SMAS 上，缝合切口。',
  'steps.traditional.result': '结果：主要提升下颌线。',

  'steps.smile.mark': '在鬓角附近的头皮内标记一个小切口（诊所给出的数字约为 2 厘米）。',
  'steps.smile.incise': '切口位于发际线内。',
  'steps.smile.elevate': '通过小切口到达面颊和面中部的 SMAS。',
  'steps.smile.pull': '将 SMAS 向上、向外斜向提拉，托住面中部。',
  'steps.smile.fix': '将 SMAS 固定在耳上方的颞深筋膜上。',
  'steps.smile.close': '皮肤随 SMAS 移动；小切口在头发内缝合。',
  'steps.smile.result': '结果：斜向提拉作用到法令纹、眼周和下颌线。',

  'steps.thread.mark-entry': '在颞部发际线标记进针点；不做切口。',
  'steps.thread.insert-dermal': '第一根线穿过真皮层，即表皮正下方的一层。',
  'steps.thread.insert-fascial': '第二根线穿过更深的筋膜层 SMAS。',
  'steps.thread.tie-midpoint': '两根线在中点处系在一起。',
  'steps.thread.fix': '系好的线固定在颞深筋膜上，同时提升两层组织和支持韧带。',
  'steps.thread.result': '结果：皮肤和 SMAS 一起被提升。',

  'steps.thread-conventional.mark-entry': '对比：常规线从颞部发际线进入。',
  'steps.thread-conventional.insert-dermal': '线只走在靠近皮肤的一层。',
  'steps.thread-conventional.fix': '张力提升了皮肤；下方的 SMAS 移动得少得多。',
  'steps.thread-conventional.result': '结果：浅层提升；深层几乎没有被固定。',

  'steps.facelift.mark': '参考：全面部除皱术的切口从太阳穴经耳前延伸到耳后。',
  'steps.facelift.incise': '沿整条线切开皮肤。',
  'steps.facelift.elevate': '掀起大面积皮瓣，暴露面颊和下颌的 SMAS。',
  'steps.facelift.pull': '将 SMAS 向上、向后提拉。',
  'steps.facelift.fix': '将 SMAS 固定在耳前。',
  'steps.facelift.redrape': '皮肤单独重新覆盖，并去除多余皮肤。',
  'steps.facelift.close': '缝合耳周的长切口。',
  'steps.facelift.result': '结果：下面部和颈部得到提升，但切口更长、恢复期更长。',
};

const CAPTIONS_JA: FlatCaptions = {
  'steps.traditional.mark': 'もみあげの近くに短い横方向の切開線をマークします。',
  'steps.traditional.incise': 'マークに沿って皮膚を切開します。',
  'steps.traditional.elevate': '皮膚と脂肪の下には、顔の下半分を支える筋膜層 SMAS があります。',
  'steps.traditional.pull': 'SMAS を下から上へ引き上げます。顔の下半分に垂直方向の力がかかります。',
  'steps.traditional.fix': 'SMAS を頬骨弓の上にある動かない筋膜に固定します。',
  'steps.traditional.close': '引き上げた SMAS の上に皮膚がなじみ、切開部を縫合します。',
  'steps.traditional.result': '結果：主にフェイスラインが引き上がります。',

  'steps.smile.mark': 'もみあげ近くの頭皮内に小さな切開（クリニックの数値で約 2 cm）をマークします。',
  'steps.smile.incise': '切開は生え際の内側にとどまります。',
  'steps.smile.elevate': '小さな切開から頬と中顔面の SMAS に到達します。',
  'steps.smile.pull': 'SMAS を斜め上外側へ引き上げ、中顔面の中央を支えます。',
  'steps.smile.fix': 'SMAS を耳の上の深側頭筋膜に固定します。',
  'steps.smile.close': '皮膚は SMAS に沿って動き、小さな切開は髪の中で縫合します。',
  'steps.smile.result': '結果：斜めの引き上げが、ほうれい線、目元、フェイスラインまで届きます。',

  'steps.thread.mark-entry': 'こめかみの生え際に糸の刺入点をマークします。切開はしません。',
  'steps.thread.insert-dermal': '1 本目の糸を、表面のすぐ下の層である真皮に通します。',
  'steps.thread.insert-fascial': '2 本目の糸を、より深い筋膜層の SMAS に通します。',
  'steps.thread.tie-midpoint': '2 本の糸を中間点で結び合わせます。',
  'steps.thread.fix': '結んだ糸を深側頭筋膜に固定し、2 つの層と支持靭帯を一緒に引き上げます。',
  'steps.thread.result': '結果：皮膚と SMAS が一緒に引き上がります。',

  'steps.thread-conventional.mark-entry': '比較のため：一般的な糸はこめかみの生え際から入ります。',
  'steps.thread-conventional.insert-dermal': '糸は皮膚に近い層だけを通ります。',
  'steps.thread-conventional.fix': '張力で皮膚は上がりますが、その下の SMAS はあまり動きません。',
  'steps.thread-conventional.result': '結果：表面的なリフト。深い層はほとんど支えられません。',

  'steps.facelift.mark': '参考：フェイスリフト（全体）の切開線は、こめかみから耳の前、耳の後ろまで続きます。',
  'steps.facelift.incise': '線の全長に沿って皮膚を切開します。',
  'steps.facelift.elevate': '広い皮弁を持ち上げ、頬とあごの SMAS を露出させます。',
  'steps.facelift.pull': 'SMAS を上後方へ引き上げます。',
  'steps.facelift.fix': 'SMAS を耳の前に固定します。',
  'steps.facelift.redrape': '皮膚を別に掛け直し、余った皮膚を切除します。',
  'steps.facelift.close': '耳の周りの長い切開を縫合します。',
  'steps.facelift.result': '結果：顔の下半分と首が引き上がりますが、切開も回復期間も長くなります。',
};

export type StepCaptions = Record<string, Record<string, string>>;

/** `steps.smile.mark` → { smile: { mark: … } }, the nested shape i18next resolves `steps.smile.mark` in. */
export function nestCaptions(flat: FlatCaptions): StepCaptions {
  const out: StepCaptions = {};
  for (const [key, text] of Object.entries(flat)) {
    const [, technique, ...rest] = key.split('.');
    if (!technique || rest.length === 0) continue;
    (out[technique] ??= {})[rest.join('.')] = text;
  }
  return out;
}

export const STEP_CAPTIONS: Record<Language, StepCaptions> = {
  en: nestCaptions(CAPTIONS_EN),
  ko: nestCaptions(CAPTIONS_KO),
  zh: nestCaptions(CAPTIONS_ZH),
  ja: nestCaptions(CAPTIONS_JA),
};
