// What export-request and import-request (the command line's files by mail) tell the office.
import { coded } from '../core/findings';
import { formatFiscalYear } from '../core/fiscalYear';
import { TAB } from '../core/tabs';

export const inputsHaveErrors = (what: '書き出して' | '取り込んで') =>
  `プランか設定にエラーがあるため、${what}いません。`;
export const unknownDepartment = (typed: string, hint: string | undefined) =>
  `所管課「${typed}」は「${TAB.departments}」シートにありません。${hint ? `「${hint}」のことでしょうか。` : ''}`;
export const noProjects = (department: string) => `「${department}」の事業はプランにありません。`;
export const exported = (department: string, year: number, projects: number, token: string) =>
  `「${department}」の${formatFiscalYear(year)}の調査シートを書き出しました（事業 ${projects}件、確認コード ${token}）。`;

export const noRequestTabInFile = (file: string) =>
  `${file} に調査シート（「調査_」で始まるシート）がありません。書き出したファイルをそのまま返してもらってください。`;
export const fileOfAnotherYear = (file: string, yearText: string, year: number) =>
  `${file} は ${yearText || '年度不明'} の調査です。今の対象年度は${formatFiscalYear(year)}です。` +
  `今年度のファイルを書き出して、回答し直してもらってください。`;
export const fileDepartmentUnknown = (file: string, typed: string) =>
  `${file} の所管課「${typed}」は「${TAB.departments}」シートにありません。`;
export const tokenMismatch = (file: string, token: string, department: string) =>
  `${file} の確認コード（${token || 'なし'}）が、「${department}」に書き出したファイルのものと違います。` +
  `見出しの所管課が書き換えられたか、別の課のファイルです。取り込んでいません。` +
  `「${department}」の調査シートを export-request で書き出し直して、回答してもらってください。`;
export const swappedRows = (file: string) =>
  `${file} に、事業番号と事業名が合わない行があるため、取り込んでいません（回答が別の事業に入ってしまうため）。` +
  `事業番号を元に戻すか、書き出し直したファイルに回答し直してもらってください。`;
export const swappedRow = (id: string, typedName: string, planName: string) =>
  `事業番号 ${id} の行の事業名「${typedName}」が、プランの事業名「${planName}」と違います。事業番号が入れ替わっていないか確かめてください。`;
export const noTargetTab = (department: string, year: number) =>
  `「${department}」の${formatFiscalYear(year)}の調査シートがありません。先に「所管課別調査シートを作成」（requests）を実行してください。`;
export const answersHaveErrors = (file: string) => `${file} の回答にエラーがあるため、取り込んでいません。`;
export const conflicts = (sheet: string) =>
  `「${sheet}」にも別の回答が入力されている行があるため、取り込んでいません（どちらかの回答が消えてしまうため）。` +
  `どちらを残すか決めて、一方を空にしてから、もう一度実行してください。`;
export const corrected = (changes: readonly string[]) =>
  `前回取り込んだ回答を、このファイルの回答に置き換えました（${changes.length}行）：\n` +
  changes.slice(0, 10).join('\n') +
  (changes.length > 10 ? `\nほか ${changes.length - 10}行` : '');
export const answerConflict = (id: string) =>
  `事業番号 ${id} は、シートとファイルの両方に違う回答があります（シートの回答は、前回この課のファイルから取り込んだままではありません）。`;
export const replyConflict = (number: string) =>
  `提言 ${number} への対応は、シートとファイルの両方に違う内容があります。`;

/** The sentences above that become findings, each with its code `exchange.<name>`. */
export const say = coded('exchange', { answerConflict, replyConflict, swappedRow });
