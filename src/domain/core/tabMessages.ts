// What the header cells' notes tell staff to type, tab by tab.
import { TAB } from './tabs';

/** Short notes shown on header cells so that staff know what to type. */
export const HEADER_NOTES: Record<string, Record<string, string>> = {
  [TAB.plan]: {
    目標: '目標の番号（1, 2, …）',
    事業: '事業の番号。目標-課題-施策-事業 で事業番号（例 4-1-2-3）になります',
    所管: '所管課の名前か別名。複数は「、」か改行で区切ります。「関係各課」は所管課シートで TRUE の課すべて',
  },
  [TAB.structure]: { 区分: '目標・課題・施策のいずれか' },
  [TAB.indicators]: {
    基準年度: '2016、平成28年度、H28 などの書き方ができます',
    基準値: '59.1% や 120人 のように単位ごと',
    目標値: '80%、40から60%、30%以上、5%以下 のように書けます',
  },
  [TAB.departments]: {
    別名: '旧名や略称を「、」で区切って',
    編集者: 'この課の調査シートを編集できる人のメールアドレス（カンマ区切り）',
    関係各課: '所管が「関係各課」の事業をこの課にも依頼するなら TRUE',
  },
  [TAB.recommendations]: {
    番号: '提言の番号（例 R6-1）。あとから変えないでください',
    年度: '提言を出した年度。翌年度の調査シートで各課に対応をたずねます',
    課題: '提言の対象の課題の番号（例 4-1）',
    所管課: '提言をあてる課。複数は「、」で区切り、「関係各課」も使えます',
  },
  [TAB.committee]: { 評価: '委員会評価の区分（設定）から。例 ◎ ○ △ ×' },
  [TAB.settings]: {
    値: '対象年度は 2025 や 令和7年度、回答期限は 2026/5/31 のように。管理者はメニューを実行する人のメールアドレス（カンマ区切り）',
  },
};
