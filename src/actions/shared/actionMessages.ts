// What the menu actions tell the person who ran them (alerts, the panel, the command line).
import { SETTING, TAB } from '../../domain/core/tabs';
import type { Grade } from '../../domain/core/scales';

const CHECK_MENU = '「プランの入力チェック」';
const CREATE_MENU = '「所管課別調査シートを作成」';

// --- refusals before anything is written
export const summaryRefused = () => '入力にエラーがあるため、評価サマリーは作成していません。';
export const mergeRefused = () => 'プランか設定にエラーがあるため、取り込んでいません。';
export const reportRefused = () => `入力にエラーがあるため、報告書は作成していません。${CHECK_MENU}で直してください。`;
export const remindRefused = () => 'プランか設定にエラーがあるため、確かめられません。';
export const notAdmin = (runner: string, title: string) =>
  `${runner} は「${TAB.settings}」の「${SETTING.admins}」に入っていないため、「${title}」は実行できません。何も変更していません。` +
  `管理者に実行を頼むか、管理者に「${SETTING.admins}」へ加えてもらってください。`;
export const busy = (action: string) =>
  `ほかの人が同じスプレッドシートで処理を実行中です。1分ほど待ってから、もう一度「${action}」を実行してください。`;
export const stoppedMidway = (label: string, detail: string) =>
  `処理の途中でエラーが起きました（${detail}）。\n入力された回答は消えていません。もう一度「${label}」を実行してください。` +
  '何度も起きるときは管理者に連絡してください。';
export const unknownStep = (step: string) => `「${step}」という操作はありません。`;

/** Tabs of the tool that another editor protected leaving the 管理者 out (the owner passes every protection). */
export const protectedByOthers = (tabs: readonly string[], owner: string | undefined) =>
  `${tabs.map((t) => `「${t}」`).join('')}は、ツールではなくほかの人が保護したシートです。管理者は書き換えられず、` +
  '中身もツールが作ったものとは限りません。保護した人にその保護を外してもらうか、' +
  `オーナー${owner ? `（${owner}）` : ''}に一度このメニューを実行してもらってください` +
  '（オーナーはどの保護も通るので、ツールのシートに戻し、管理者だけが編集できるようにします）。入力された回答は消えていません。';

// --- チェック結果 and the check
export const noErrors = () => 'エラーはありません。';
export const moreInCheckTab = (more: number) => `…ほか ${more}件は「${TAB.check}」シートを見てください。`;
export const checkClean = (projects: number, departments: number) =>
  `${noErrors()}事業 ${projects}件、所管課 ${departments}課を確認しました。`;
export const seeCheckTab = () => `一覧は「${TAB.check}」シートにあります。セルのリンクから該当のセルへ移動できます。`;

// --- 初期設定
export const tabsMade = (created: readonly string[]) =>
  `シートを作成しました：${created.join('、')}\n` +
  `次に「${TAB.plan}」「${TAB.structure}」「${TAB.departments}」「${TAB.settings}」を入力し、${CHECK_MENU}を実行してください。`;
export const tabsAllThere = () => '必要なシートはすべてそろっています。何も変更していません。';

// --- 評価サマリー
export const summaryWithoutAnswers = (year: string) =>
  `${year}の回答はまだないため、回答状況と成果指標だけの評価サマリーを作成しました。`;
export const summaryMade = (year: string, projects: number, answers: number) =>
  `${year}の評価サマリーを作成しました（事業 ${projects}件、回答 ${answers}件）。` +
  `「${TAB.summary}」と「${TAB.projectList}」シートを見てください。`;
export const committeeGradeHelp = (scale: readonly Grade[]) =>
  `評価は ${scale.map((g) => `${g.code}（${g.label}）`).join('、')} から選んでください。`;

// --- 所管課別調査シート
export const noRequestTabs = () => `調査シートがありません。先に${CREATE_MENU}を実行してください。`;
export const keptAnswers = (kept: number, outside: number) =>
  `入力済みの回答 ${kept}行はそのまま残しました` +
  (outside ? `（うち ${outside}行はプランにない事業で、シートの下にまとめてあります）` : '') +
  '。';
export const renamedTabs = (renamed: readonly string[]) =>
  `シート名を変えた課（名前が長い・使えない文字・重複のため）：${renamed.join('、')}。` +
  `対応は「${TAB.requestIndex}」シートにあります。`;

// --- 回答の確認（催促）
export const allAnswered = (year: string, when: string) =>
  `${year}の調査シートは、すべての課が回答を入力済みです（${when}）。`;
export const notYetAnswered = (year: string, count: number, when: string) =>
  `${year}の調査で、まだ回答が終わっていない課が ${count}課あります（${when}）。`;

// --- 回答を取り込む
export const merged = (year: string, when: string, added: number, updated: number) =>
  `${year}の回答を取り込みました（${when}）：新規 ${added}行、更新 ${updated}行。`;
export const nothingChanged = () => '前回から変わった回答はありませんでした。';
export const repliesMerged = (count: number) => `提言への対応 ${count}行を「${TAB.replies}」に取り込みました。`;
export const departmentsNotMerged = (names: readonly string[]) =>
  `取り込まなかった課：${names.join('、')}。理由は「${TAB.check}」シートにあります。直してから、もう一度実行してください。`;
export const sheetsNotRead = (names: readonly string[]) =>
  `取り込まなかったシート（どの課のシートか決められないもの）：${names.join('、')}。理由は「${TAB.check}」シートにあります。`;

// --- 各課から戻ったファイル（return）
export const returnWritten = (fileLabel: string, answers: number, replies: number, sheet: string) =>
  `${fileLabel} の回答 ${answers}行${replies ? `と提言への対応 ${replies}行` : ''}を「${sheet}」に入れました。`;
export const mergeNext = () => `「回答を取り込む」（merge）を実行すると「${TAB.answers}」に取り込まれます。`;

// --- 表の読み込み（import）と設定の変更（set）
export const notImportable = (tab: string, importable: readonly string[]) =>
  `「${tab}」は読み込めるシートではありません（${importable.join('、')}）。`;
export const headersRequired = (fileLabel: string, required: readonly string[], detail: string) =>
  `${fileLabel} の見出し行に ${required.join('、')} が必要です。${detail}`;
export const importCounts = (added: number, updated: number, same: number) =>
  `追加 ${added}行、更新 ${updated}行、変わらない行 ${same}行。`;
export const absentKept = (count: number, listed: string) =>
  `ファイルにない ${count}行はそのまま残しました（${listed}）。消すときは --replace を付けて実行します。`;
export const settingsTabMissing = () =>
  `「${TAB.settings}」シートがありません。先に初期設定（init）を実行してください。`;
export const settingsHeaderMissing = () => `「${TAB.settings}」シートの見出し行（項目、値）が見つかりません。`;
export const settingRefused = (item: string, value: string, detail: string) =>
  `${item} を「${value}」にできません。${detail}\n「${TAB.settings}」は変更していません。`;
export const settingSet = (item: string, value: string) => `「${TAB.settings}」の ${item} を「${value}」にしました。`;
