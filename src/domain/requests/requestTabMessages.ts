// What a department's request tab tells its clerk: how to fill it, and each dropdown's help.
import type { Grade } from '../core/scales';

export const howTo = (lowest: readonly string[]) =>
  '黄色の欄に入力してください。自己評価と今後の方向性は一覧から選びます。' +
  `自己評価が ${lowest.join('・')} のときは「課題・改善点」も書いてください（ないと取り込めません）。` +
  '参加者数は人数（0以上の整数）で、ない事業は空欄のままにします。';
export const replyHowTo = () =>
  '推進委員会の提言のうち、この課にあてたものです。対応内容を書き、対応状況を一覧から選んでください' +
  '（対応済と答えた提言は、翌年度からはたずねません）。';
export const gradeHelp = (grades: readonly Grade[]) =>
  `自己評価は ${grades.map((g) => `${g.code}（${g.label}）`).join('、')} から選んでください。`;
export const directionHelp = (directions: readonly string[]) =>
  `今後の方向性は ${directions.join('、')} から選んでください。`;
export const countHelp = () => '参加者数は 0 以上の整数で入力してください。';
export const statusHelp = (statuses: readonly string[]) => `対応状況は ${statuses.join('、')} から選んでください。`;
