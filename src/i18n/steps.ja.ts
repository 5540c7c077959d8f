// Step captions in ja, keyed like src/core/procedures/captions.en.ts (loaded with the ja chunk).
import type { FlatCaptions } from './steps.ts';

export const CAPTIONS_JA: FlatCaptions = {
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
