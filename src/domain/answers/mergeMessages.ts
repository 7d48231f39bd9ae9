// What mergeResponses tells a department about its tab, kept apart from the checks so the
import { coded } from '../core/findings';
// wording can be read (and reviewed by the city's staff) in one place.
import { formatFiscalYear } from '../core/fiscalYear';
import { RECREATE } from '../requests/requestMessages';
import { HEADERS, TAB } from '../core/tabs';

const BLANK = '（空欄）';

export const headingNotThisDepartment = (heading: string, department: string) =>
  `見出しの所管課「${heading || '空欄'}」が、このシートの課「${department}」と違います。このシートは取り込んでいません。` +
  `見出しの所管課を「${department}」に戻してください。`;
export const noProjectsLeft = (department: string) =>
  `「${department}」の事業は今のプランにないため、このシートは取り込んでいません。`;
export const otherYear = (problem: string, year: number) =>
  `${problem}このシートは取り込んでいません。${RECREATE}で${formatFiscalYear(year)}のシートにしてください。`;
export const headerRowChanged = (sheet: string) =>
  `「${sheet}」の表の見出し行が元の形でないため、取り込んでいません。見出し行（${HEADERS.request.join('、')}）を元に戻してください。`;
export const answersTabHeader = () => `「${TAB.answers}」シートの見出しに問題があるため、取り込んでいません。`;

export const markedRowAnswered = (id: string) =>
  `事業番号 ${id || BLANK} の行は今のプランにないか重複しているため、取り込んでいません。必要な回答は正しい事業の行に写してください。`;
export const answerWithoutId = () =>
  '事業番号が空の行に回答があります。どの事業の回答か分からないため、事業番号を元に戻してください' +
  `（${RECREATE}で表を作り直せます。回答は残ります）。`;
export const idOfAnotherDepartment = (idText: unknown) =>
  `事業番号「${String(idText)}」はこの課の事業ではありません。事業番号を書き換えた場合は元の番号に戻してください。` +
  `シートを作った後にプランが変わった場合は、${RECREATE}で表を更新してから、もう一度取り込んでください（入力済みの回答は残ります）。`;
export const idNotInPlan = (idText: unknown) =>
  `事業番号「${String(idText)}」はこの課の事業ではありません。書き換えられた可能性があります。事業番号は変えずに、元の番号に戻してください。`;
export const duplicateId = (id: string, first: number, again: number) =>
  `事業番号 ${id} の行が ${first}行目と ${again}行目にあります。1行にまとめ、余分な行を削除してください。`;
export const rowDeleted = (id: string, name: string) =>
  `事業 ${id}「${name}」の行がありません（削除された可能性があります）。この事業は未回答として扱います。` +
  `${RECREATE}を実行すると行が戻ります。`;

export const tooLong = (header: string, length: number, limit: number) =>
  `「${header}」が ${length.toLocaleString()} 文字あり、1つのセルに書き込める ${limit.toLocaleString()} 文字を超えています。要点を短くまとめてください。`;
export const gradeOffScale = (value: unknown, choices: string) =>
  `自己評価「${String(value)}」は ${choices} のいずれかにしてください。`;
export const gradeWithoutRecord = () =>
  '自己評価が入っていますが「実施状況・実績」が空です。評価の根拠になる取り組みの内容や実績を書いてください。';
export const lowGradeWithoutReason = (grade: string) =>
  `自己評価が ${grade} のときは「課題・改善点」が必要です。目標に届かなかった理由と、これからの改善策を書いてください。`;
export const directionOffScale = (value: unknown, choices: readonly string[]) =>
  `今後の方向性「${String(value)}」は ${choices.join('、')} のいずれかにしてください。`;
export const notACount = (header: string, shown: string) =>
  `${header}「${shown}」は 0 以上の整数（人数）で入力してください。該当しない場合は空欄にします。`;

export const replyNotAsked = (number: string) =>
  `提言 ${number || BLANK} はこの課にたずねていないため、この行の対応は取り込んでいません。`;
export const replyNumberNotOurs = (numberText: unknown) =>
  `提言番号「${String(numberText)}」は、この課にあてた提言の番号ではありません。書き換えた場合は元の番号に戻してください。`;
export const replyDuplicate = (number: string, first: number, again: number) =>
  `提言 ${number} の行が ${first}行目と ${again}行目にあります。1行にまとめてください。`;
export const replyStatusMissing = (number: string, statuses: readonly string[]) =>
  `提言 ${number} の「対応状況」を ${statuses.join('、')} から選んでください。`;
export const replyStatusOffScale = (value: unknown, statuses: readonly string[]) =>
  `対応状況「${String(value)}」は ${statuses.join('、')} のいずれかにしてください。`;
export const replyContentMissing = (number: string) =>
  `提言 ${number} の「対応内容」が空です。提言を受けて何をしたか（するか）を書いてください。`;
export const replyContentTooLong = (limit: number) =>
  `「対応内容」が ${limit.toLocaleString()} 文字を超えています。要点を短くまとめてください。`;

/** The sentences above that become findings, each with its code `merge.<name>`. */
export const say = coded('merge', {
  answerWithoutId,
  headerRowChanged,
  headingNotThisDepartment,
  markedRowAnswered,
  noProjectsLeft,
  replyNotAsked,
  rowDeleted,
  idOfAnotherDepartment,
  idNotInPlan,
  duplicateId,
  tooLong,
  gradeOffScale,
  gradeWithoutRecord,
  lowGradeWithoutReason,
  directionOffScale,
  notACount,
  replyNumberNotOurs,
  replyDuplicate,
  replyStatusMissing,
  replyStatusOffScale,
  replyContentMissing,
  replyContentTooLong,
});
