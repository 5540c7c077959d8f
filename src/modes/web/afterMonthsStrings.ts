// Strings of the web flow's "right after" / "after one year" (src/modes/web/AfterMonths.tsx), loaded with it.
export const AFTER_MONTHS_STRINGS = {
  en: {
    label: 'Result shown',
    rightAfter: 'Right after',
    oneYear: 'After one year',
    literature: 'From published studies: {{source}}.',
    clinicClaim:
      'The clinic says the dual-layer thread lift holds longer than conventional threads; no published study has measured it. The picture after one year shows the clinic\'s claim.',
    designChoice:
      'No published study measures how long this lift lasts: the picture after one year is our estimate, between a full facelift and thread lifts.',
    ageing: 'The face keeps ageing meanwhile.',
  },
  ko: {
    label: '보여 줄 시점',
    rightAfter: '시술 직후',
    oneYear: '1년 후',
    literature: '발표된 연구: {{source}}.',
    clinicClaim:
      '병원은 이중층 실 리프팅이 일반 실 리프팅보다 오래 유지된다고 설명하지만, 이를 측정한 발표된 연구는 없습니다. 1년 후의 모습은 병원의 설명을 보여 줍니다.',
    designChoice:
      '이 리프팅이 얼마나 오래 유지되는지 측정한 발표된 연구는 없습니다. 1년 후의 모습은 안면거상술과 실 리프팅의 중간으로 잡은 추정입니다.',
    ageing: '그동안에도 얼굴의 노화는 계속됩니다.',
  },
  zh: {
    label: '显示的时间',
    rightAfter: '术后即刻',
    oneYear: '一年后',
    literature: '已发表的研究：{{source}}。',
    clinicClaim: '诊所称双层线雕比普通线雕维持更久，但尚无已发表的研究测量过。一年后的画面展示的是诊所的说法。',
    designChoice: '尚无已发表的研究测量这种提升能维持多久：一年后的画面是我们的估计，介于全面部提升术与线雕之间。',
    ageing: '在此期间面部仍会继续衰老。',
  },
  ja: {
    label: '表示する時点',
    rightAfter: '施術直後',
    oneYear: '1年後',
    literature: '公表された研究：{{source}}。',
    clinicClaim:
      'クリニックは二層糸リフトが通常の糸リフトより長く持続すると説明していますが、それを測定した公表研究はありません。1年後の画像はクリニックの説明を示しています。',
    designChoice:
      'このリフトの持続期間を測定した公表研究はありません。1年後の画像は、フェイスリフトと糸リフトの中間とした推定です。',
    ageing: 'その間も顔の加齢は進みます。',
  },
} as const;
