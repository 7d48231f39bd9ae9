// What a table's reader says of its header row and its cells, whatever the tab.
import { TEXT_LIMIT } from './cells';
import { coded } from './findings';

export const formulaError = (header: string, raw: unknown) =>
  `「${header}」が計算エラー（${String(raw).trim()}）になっています。式の参照先を直すか、値を直接入力してください。`;
export const headerMissing = (name: string, headerRow: number) =>
  `見出し「${name}」の列がありません。${headerRow}行目の見出しに「${name}」を加えてください（列の位置は自由です）。`;
export const headerRowNotFound = (what: string, required: readonly string[]) =>
  `${what}。1行目に見出し（${required.join('、')}）を入れてください。「初期設定」メニューで見出し付きのシートを作れます。`;
export const headerTwice = (name: string, first: string, again: string) =>
  `見出し「${name}」が ${first}列 と ${again}列 の2か所にあります。` +
  `どちらの列を使うか決められないので、一方の見出しを変えてください。`;
/** A required cell left blank; `merged` when the cell above holds a value (a merged cell reads as blank). */
export const cellEmpty = (header: string, merged: boolean) =>
  `「${header}」が空です。入力してください。` +
  (merged ? '上のセルと結合されている場合は、結合を解除して各行に値を入れてください。' : '');
/** A cell its column's schema refused; `reason` is the schema's own sentence (see schemas.ts). */
export const valueInvalid = (header: string, reason: string | undefined) =>
  reason ?? `「${header}」の値を読み取れません。`;

/** A tab an adapter was asked for and the book does not have. */
export const tabGone = (name: string) => `シート「${name}」がありません。`;

/** A protection that covers the whole tab, where one over cells names them (E8:E9). */
export const wholeTab = () => 'シート全体';

/** The nearest name or alias of a department, offered where a typed name is unknown. */
export const didYouMean = (suggestion?: string) => (suggestion ? `「${suggestion}」のことでしょうか。` : '');

// What a cell schema (schemas.ts) says of a value it cannot read; `shown` is the value as typed.
export const cellNotPositiveInt = (label: string, shown: string) =>
  `${label}の番号${shown}は 1 以上の整数ではありません。1、2、3 … のように数字だけで入力してください。`;
export const cellTooLong = (label: string, length: number) =>
  `「${label}」が ${length.toLocaleString()} 文字あり、1つのセルに書き込める ${TEXT_LIMIT.toLocaleString()} 文字を超えています。` +
  '短くしてください。';
export const cellNotYear = (label: string, shown: string) =>
  `${label}${shown}を年度として読み取れません。2025、2025年度、令和7年度、R7 のように書いてください。`;
export const cellNotQuantity = (label: string, shown: string) =>
  `${label}${shown}を数値として読み取れません。59.1%、120人 のように数字と単位で書いてください。`;
export const cellNotTarget = (label: string, shown: string) =>
  `${label}${shown}を読み取れません。80%、40から60%、30%以上、5%以下 のように書いてください。`;
export const cellNotFlag = (label: string, shown: string) =>
  `「${label}」${shown}は TRUE か FALSE（チェックボックス）で入力してください。`;

/** The sentences above that become findings, each with its code `table.<name>`. */
export const say = coded('table', {
  formulaError,
  headerMissing,
  headerRowNotFound,
  headerTwice,
  cellEmpty,
  valueInvalid,
});
