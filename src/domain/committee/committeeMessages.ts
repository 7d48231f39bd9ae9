// What the check says of 提言: its number, its 課題 and the departments it is addressed to.
import { coded } from '../core/findings';
import { didYouMean } from '../core/tableMessages';
import { SETTING, TAB } from '../core/tabs';
import type { Grade } from '../core/scales';

export const addresseeMissing = () =>
  '「所管課」が空です。提言をあてる課を入れてください（複数は「、」で区切り、「関係各課」も使えます）。';
export const addresseeNoConcerned = (text: string) =>
  `「${text}」とありますが、「${TAB.departments}」シートの「関係各課」列が TRUE の課が1つもありません。`;
export const addresseeUnknown = (text: string, suggestion?: string) =>
  `所管課「${text}」は「${TAB.departments}」シートにない課です。${didYouMean(suggestion)}課の名前か別名で書いてください。`;
export const issueMissing = () =>
  '「課題」が空です。提言の対象の課題を 4-1 のように「目標-課題」の番号で入れてください。';
export const issueUnknown = (typed: unknown) =>
  `課題「${String(typed)}」が「${TAB.structure}」シートにありません。4-1 のように「目標-課題」の番号で書いてください。`;
export const recommendationNumberMissing = () => '「番号」が空です。R6-1 のように提言の番号を入れてください。';
export const recommendationNumberTwice = (number: string, first: number | undefined) =>
  `提言の番号 ${number} が ${first}行目にもあります。番号は提言ごとに別にしてください（各課の回答はこの番号で結び付きます）。`;
export const gradeOffScale = (typed: string, scale: readonly Grade[]) =>
  `評価「${typed}」は${SETTING.committeeScale}（${scale.map((g) => `${g.code} ${g.label}`).join('、')}）から選んでください。`;

/** The sentences above that become findings, each with its code `committee.<name>`. */
export const say = coded('committee', {
  issueMissing,
  issueUnknown,
  recommendationNumberMissing,
  recommendationNumberTwice,
  addresseeMissing,
  addresseeNoConcerned,
  addresseeUnknown,
  gradeOffScale,
});
