// Step captions in ko, keyed like src/core/procedures/captions.en.ts (loaded with the ko chunk).
import type { FlatCaptions } from './steps.ts';

export const CAPTIONS_KO: FlatCaptions = {
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
