// What the check says of the vocabularies typed in 設定 (評価区分, 今後の方向性, 対応状況, …).
import { coded } from './findings';
import { SETTING } from './tabs';

const codeTwice = (item: string, code: string) => `${item}の「${code}」が2回あります。1回にしてください。`;
const gradesUnreadable = (item: string, example: string) =>
  `${item}を読み取れません。「${example}」のように、記号と説明を「、」で区切って書いてください。`;
const wordsUnreadable = (item: string, example: string) =>
  `${item}を読み取れません。「${example}」のように「、」で区切って書いてください。`;
const ungradedUnknown = (code: string) =>
  `${SETTING.ungraded}の「${code}」が${SETTING.gradeScale}にありません。区分の記号で書いてください。`;

/** Each sentence with its code `scale.<name>`. */
export const say = coded('scale', { codeTwice, gradesUnreadable, wordsUnreadable, ungradedUnknown });
