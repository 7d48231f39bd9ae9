// What the check says about the input tabs (プラン, 体系, 所管課, 指標, 設定, 提言) and their tables.
import { coded } from '../core/findings';
import { didYouMean } from '../core/tableMessages';
import { TEXT_LIMIT, dateText, isDate } from '../core/cells';
import { formatFiscalYear } from '../core/fiscalYear';
import { PLAN_FORMER_IDS, REPLY_DONE, SETTING, TAB } from '../core/tabs';

export const levelUnknown = (levelText: string) => `区分「${levelText}」は 目標・課題・施策 のいずれかにしてください。`;
export const duplicateProjectId = (id: string, first: number, again: number) =>
  `事業番号 ${id} が ${first}行目と ${again}行目の2か所にあります。番号を付け直してください。`;
export const structureMissing = (level: string, key: string) =>
  `${level} ${key} が「${TAB.structure}」シートにありません。` +
  `「${TAB.structure}」シートに 区分「${level}」、番号 ${key.split('-').join('・')} の行と名称を加えてください。`;
export const formerIdMalformed = (text: string) =>
  `${PLAN_FORMER_IDS}「${text}」は 4-1-2-3 のような「目標-課題-施策-事業」の番号にしてください。複数あるときは「、」で区切ります。`;
export const formerIdIsCurrent = (id: string, ownerRow: number, ownerName: string) =>
  `${PLAN_FORMER_IDS} ${id} は、今のプランの ${ownerRow}行目の事業「${ownerName}」の事業番号です。この事業の以前の番号だけを書いてください。`;
export const formerIdClaimedTwice = (id: string, first: number, again: number) =>
  `${PLAN_FORMER_IDS} ${id} が ${first}行目と ${again}行目の2つの事業に書かれています。` +
  `どちらの事業の以前の番号か決めて、一方から消してください。`;
export const unknownDepartment = (text: string, suggestion?: string) =>
  `所管「${text}」は「${TAB.departments}」シートにない課です。${didYouMean(suggestion)}課の名前を直すか、「${TAB.departments}」シートに課か別名を加えてください。`;
export const noConcernedDepartment = (text: string) =>
  `所管が「${text}」ですが、「${TAB.departments}」シートの「関係各課」列が TRUE の課が1つもありません。この事業を依頼する課に TRUE を付けてください。`;
export const settingMissing = (item: string, example: string) =>
  `「${item}」が入力されていません。項目「${item}」の行の「値」に ${example} のように入力してください。`;
/** A cell as the user sees it: a date Sheets made of what was typed shows as 2025/4/1, not "Tue Apr 01 2025 … GMT". */
const shown = (value: unknown) => (isDate(value) ? `${dateText(value)}（日付）` : String(value));

export const yearUnreadable = (value: unknown) =>
  `対象年度「${shown(value)}」を年度として読み取れません。2025、令和7年度、R7 のように書いてください。`;
export const deadlineUnreadable = (value: unknown) =>
  `回答期限「${shown(value)}」を日付として読み取れません。2026/5/31 や 令和8年5月31日 のように書いてください。`;
export const settingTooLong = (item: string) =>
  `「${item}」が長すぎて、調査シートの見出しが1つのセルに入りません（${TEXT_LIMIT.toLocaleString()} 文字まで）。短くしてください。`;
export const adminNotEmail = (e: string) =>
  `管理者「${e}」はメールアドレスの形ではありません。name@city.example.lg.jp のように書き、複数はカンマで区切ってください。`;
export const noAdmins = () =>
  `「${SETTING.admins}」が登録されていないため、メニューの操作はスプレッドシートのオーナーだけが実行できます（ほかの人が実行しても断ります）。` +
  `メニューを使う人全員のメールアドレスを、項目「${SETTING.admins}」の値にカンマで区切って入れてください。`;
export const onlyOwnerWithoutAdmins = (runner: string, owner: string, title: string) =>
  `「${TAB.settings}」の「${SETTING.admins}」が空のため、「${title}」はスプレッドシートのオーナー（${owner}）だけが実行できます。` +
  `${runner} では実行できません。何も変更していません。` +
  `オーナーに、「${TAB.settings}」の項目「${SETTING.admins}」へメニューを使う人全員のメールアドレスを入れてもらってください。`;
/** A 管理者 the protections do not list yet (added to 設定 after the tabs were sealed). */
export const notInProtections = (runner: string | undefined, owner: string | undefined, label: string) =>
  `${runner ?? 'あなた'} は、ツールが保護したシートをまだ編集できません（「${TAB.settings}」の「${SETTING.admins}」に加わる前に保護されたシートです）。` +
  `前から「${SETTING.admins}」に入っている人${owner ? `かオーナー（${owner}）` : ''}に、一度「所管課別調査シートを作成」を実行してもらってください。` +
  `すべての保護に今の管理者が加わり、そのあとは「${label}」を実行できます。入力された回答は消えていません。`;
export const replyDoneMissing = () =>
  `${SETTING.replyScale}に「${REPLY_DONE}」を入れてください。${REPLY_DONE}と答えた課には、その提言をもう聞きません。`;
export const kpiStatusesCount = (count: number) =>
  `${SETTING.kpiScale}は5つの言葉を「達成、順調、やや遅れ、遅れ、未測定」の順に「、」で区切って書いてください（いまは${count}つです）。`;
export const editorNotEmail = (e: string) =>
  `編集者「${e}」はメールアドレスの形ではありません。name@city.example.lg.jp のように書き、複数はカンマで区切ってください。`;
export const nameUsedTwice = (text: string, priorRow: number, priorName: string) =>
  `「${text}」は ${priorRow}行目の「${priorName}」の名前か別名にも使われています。どちらの課か決められないので、一方から外してください。`;
export const departmentTwice = (name: string, priorRow: number) =>
  `所管課「${name}」が ${priorRow}行目にもあります。1つの課は1行にまとめてください。`;
export const indicatorNumberMissing = () => '「番号」が空です。指標の番号を入力してください。';
export const indicatorNumberTwice = (number: string, first: number | undefined) =>
  `指標の番号 ${number} が ${first}行目にもあります。番号を付け直してください。`;
export const targetBeforeBase = (target: number, base: number) =>
  `目標年度（${formatFiscalYear(target)}）が基準年度（${formatFiscalYear(base)}）より前です。年度を確かめてください。`;
export const unitsDiffer = (units: readonly string[]) =>
  `基準値と目標値の単位（${units.join('・')}）が違います。同じ単位にしてください。`;
export const resultNumberMissing = () => '「番号」が空です。どの指標の実績か、指標の番号を入力してください。';
export const resultNumberUnknown = (number: string) =>
  `指標の番号 ${number} が「${TAB.indicators}」シートにありません。番号を確かめてください。`;
export const resultTwice = (number: string, year: number, first: number | undefined) =>
  `指標 ${number} の ${formatFiscalYear(year)} の実績が ${first}行目にもあります。1行にしてください。`;
export const tabMissing = (sheet: string) =>
  `シート「${sheet}」がありません。メニューの「初期設定（シートを用意）」で作成し、内容を入力してください。シート名を変えた場合は「${sheet}」に戻してください。`;
export const tabEmpty = (sheet: string, firstRow: number) =>
  `「${sheet}」にまだ何も入力されていません。${firstRow}行目から1行に1件ずつ入力してください。`;
export const duplicateAnswerRow = (first: number, again: number, year: number, id: string, department: string) =>
  `${first}行目と ${again}行目は、同じ回答（${formatFiscalYear(year)}・事業番号 ${id}・${department}）です。` +
  `${first}行目だけを数えています。不要な方の行を削除してください。`;
export const levelTwice = (level: string, key: string) => `${level} ${key} が2回あります。1行にまとめてください。`;
export const goalMissing = (goal: string) => `目標 ${goal} が「${TAB.structure}」シートにありません。`;
export const noEditorsYet = (department: string) =>
  `「${department}」に編集者がいません。調査シートは誰でも編集できる（警告のみの）保護になります。` +
  '「編集者」列にこの課の担当者のメールアドレスを入力してください。';

/** The sentences above that become findings, each with its code `input.<name>`. */
export const say = coded('input', {
  adminNotEmail,
  deadlineUnreadable,
  departmentTwice,
  editorNotEmail,
  formerIdIsCurrent,
  formerIdMalformed,
  indicatorNumberMissing,
  indicatorNumberTwice,
  levelUnknown,
  nameUsedTwice,
  noAdmins,
  noConcernedDepartment,
  resultNumberMissing,
  resultNumberUnknown,
  resultTwice,
  settingMissing,
  settingTooLong,
  structureMissing,
  tabEmpty,
  tabMissing,
  targetBeforeBase,
  unitsDiffer,
  unknownDepartment,
  yearUnreadable,
  duplicateProjectId,
  formerIdClaimedTwice,
  levelTwice,
  goalMissing,
  duplicateAnswerRow,
  replyDoneMissing,
  kpiStatusesCount,
  noEditorsYet,
});
