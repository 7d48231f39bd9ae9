// What createRequests says about each department's tab (and the tabs it will not use).
import { coded } from '../core/findings';
import { TAB } from '../core/tabs';

/** The menu item that makes the request tabs again, as messages name it. */
export const editorsMended = (sheet: string) =>
  `「${sheet}」の保護の編集者が、ツールが付けたものと違っていました（ほかの人が加えられたか、前の実行が途中で止まったため）。` +
  '管理者と、回答欄はその課の編集者だけが編集できるように付け直しました。';
export const RECREATE = '「所管課別調査シートを作成」';

export const planHasErrors = () =>
  `プランにエラーがあるため、調査シートは作成していません。「${TAB.check}」シートの内容を直してから、もう一度実行してください。`;
export const headerRowChanged = (sheet: string) =>
  `「${sheet}」の表の見出し行が元の形でないため、このシートは作り直していません（入力された内容を守るため）。` +
  '見出し行を元に戻してから、もう一度実行してください。';
export const unmergedAnswers = (sheet: string, yearText: string, rows: number) =>
  `「${sheet}」には ${yearText || '別の年度'} の回答で、まだ「${TAB.answers}」に取り込まれていないものが ${rows}行あります。` +
  `このシートは作り直していません。先に「設定」の対象年度をその年度に戻して「回答を取り込む」を実行するか、` +
  '回答を別の場所に写してから、もう一度実行してください。';
export const leftAlone = (sheet: string, heading: string) =>
  `「${sheet}」（所管課「${heading || '不明'}」）の事業がプランにないため、このシートはそのままにしました。` +
  '不要なら、回答を確かめてから削除してください。';
export const unknownDepartment = (heading: string) =>
  `見出しの所管課「${heading || '空欄'}」が「${TAB.departments}」シートにありません。このシートは取り込んでいません。` +
  `所管課の名前を元に戻すか、${RECREATE}で作り直してください。`;
export const notTheRecordedTab = (sheet: string, department: string) =>
  `「${sheet}」の見出しには所管課「${department}」とありますが、` +
  `「${TAB.requestIndex}」に記録された「${department}」の調査シートではありません` +
  '（複製したシートか、ほかの人が作ったシートです）。このシートの回答は取り込まず、調査シートとしても使いません。' +
  '内容を確かめて、不要なら削除してください。';
export const noEditors = (department: string) =>
  `「${department}」に編集者が登録されていないため、このシートは警告のみの保護です。` +
  `「${TAB.departments}」シートに編集者を入れて、もう一度実行してください。`;
/**
 * What a run cut by its time budget says: how many departments remain and, from this run's pace,
 * about how many more runs they take (each run takes the remaining ones first).
 */
export const remaining = (left: number, doneThisRun: number) =>
  `時間内に終わらなかったため、あと ${left} 課` +
  (doneThisRun > 0 ? `（およそ ${Math.ceil(left / doneThisRun)} 回）` : '') +
  `残っています。もう一度${RECREATE}を実行してください` +
  '（作成・更新の済んだシートは読み書きせず、残りの課から続けます。入力済みの回答はそのままです）。';
export const postponed = (count: number, firstNames: readonly string[]) =>
  `時間内に終わらなかったため、${count}課（${firstNames.join('、')}${count > firstNames.length ? ' など' : ''}）` +
  `のシートはまだ作成・更新していません。もう一度${RECREATE}を実行すると、続きから処理します。`;
/** A department's tab holding a protection the 管理者 may not remove (one the department set for itself). */
export const lockedByOthers = (sheet: string, places: readonly string[], department: string) =>
  `「${sheet}」に、管理者が編集できない保護（${places.join('、')}）があるため、このシートは更新していません。` +
  `${department}の担当者に、その保護を外してもらってください` +
  `（回答欄はもともと${department}と管理者だけが編集できます。入力済みの回答はそのまま残ります）。` +
  `外したあと、もう一度${RECREATE}を実行してください。オーナーが実行すれば、外さなくても更新できます。`;

/** A request tab whose heading names another 対象年度 than 設定. */
export const yearOfAnotherTab = (yearText: string, year: string) =>
  `このシートの対象年度（${yearText || '空欄'}）が「${TAB.settings}」の対象年度（${year}）と違います。前の年度のシートが残っているようです。`;
/** A 回答 problem that only leaves 前年度の自己評価 out of the new tabs. */
export const withoutPriorGrade = (message: string) => `${message}（前年度の自己評価は入れずに作成しました）`;

/** The sentences above that become findings, each with its code `request.<name>`. */
export const say = coded('request', {
  editorsMended,
  headerRowChanged,
  leftAlone,
  noEditors,
  postponed,
  unmergedAnswers,
  unknownDepartment,
  notTheRecordedTab,
  yearOfAnotherTab,
  lockedByOthers,
});
