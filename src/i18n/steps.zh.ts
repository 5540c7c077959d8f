// Step captions in zh, keyed like src/core/procedures/captions.en.ts (loaded with the zh chunk).
import type { FlatCaptions } from './steps.ts';

export const CAPTIONS_ZH: FlatCaptions = {
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
