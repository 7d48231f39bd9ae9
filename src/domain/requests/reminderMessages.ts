// The reminder e-mail to a department that has not finished its request tab.

/** What a letter names, already written out (dates and years as the letter prints them). */
export interface Letter {
  readonly department: string;
  readonly planName: string;
  readonly year: string;
  readonly deadline: string;
  readonly daysLeft: string;
  /** 事業番号 and name of each 事業 without a 自己評価. */
  readonly missing: readonly string[];
  readonly total: number;
  readonly missingReplies: readonly string[];
  readonly sheet: string;
  readonly where: string;
}

export function daysLeftText(days: number): string {
  if (days > 0) return `回答期限まであと ${days}日`;
  if (days === 0) return '今日が回答期限';
  return `回答期限を ${-days}日過ぎています`;
}

export const subject = (l: Letter) => `【回答のお願い】${l.year} ${l.planName} 進捗状況調査（${l.department}）`;

/** The whole letter, its list of missing 事業 cut after `listed` (a link must stay short). */
export function body(l: Letter, listed: number): string {
  const { missing } = l;
  return [
    `${l.department} ご担当者様`,
    '',
    `${l.year}の ${l.planName} 進捗状況調査について、回答期限は ${l.deadline} です（${l.daysLeft}）。`,
    missing.length
      ? `まだ自己評価が入っていない事業が ${missing.length}件あります（${l.total}件中）：\n` +
        missing
          .slice(0, listed)
          .map((m) => `・${m}`)
          .join('\n') +
        (listed < missing.length ? `\n…ほか ${missing.length - listed}件（調査シートで確かめてください）` : '')
      : '',
    l.missingReplies.length ? `推進委員会の提言への対応が未記入のものがあります：${l.missingReplies.join('、')}` : '',
    '',
    `調査シート「${l.sheet}」：${l.where}`,
    '黄色の欄に入力してください。ご不明な点は男女平等推進の担当までお問い合わせください。',
  ]
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n');
}

/** The essentials only, for a link where even the list's count does not fit. */
export const brief = (l: Letter) =>
  [
    `${l.department} ご担当者様`,
    `進捗状況調査の回答期限は ${l.deadline} です（${l.daysLeft}）。` +
      (l.missing.length ? `自己評価が未入力の事業が ${l.missing.length}件あります。` : '') +
      (l.missingReplies.length ? `提言への対応が未記入です（${l.missingReplies.join('、')}）。` : ''),
    `調査シート「${l.sheet}」：${l.where}`,
  ].join('\n');
