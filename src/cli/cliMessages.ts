// What the command line tells the office: files that cannot be books, locks, usage, the demo.

const REMEDY =
  'Excel で開き、「ファイル ＞ 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してから、もう一度実行してください。';

// --- opening and saving a book (files.ts)
export const bookMissing = (path: string) =>
  `ファイル ${path} がありません。パスを確かめてください（新しく作るときは init を使います）。`;
export const isFolder = (path: string) => `${path} はフォルダです。.xlsx ファイルのパスを指定してください。`;
export const notRegularFile = (path: string) =>
  `${path} はふつうのファイルではありません（パイプや装置です）。保存してある .xlsx ファイルのパスを指定してください。`;
export const cannotRead = (path: string, why: string) =>
  `${path} を読めません（${why}）。ファイルの読み取り権限を確かめてください。`;
export const emptyFile = (name: string) =>
  `${name} は空のファイル（0バイト）です。コピーが途中で止まった可能性があります。元のファイルをもう一度コピーしてください。`;
export const openDocument = (name: string) =>
  `${name} は OpenDocument（.ods）形式で、読めません。` +
  'LibreOffice Calc で開き、「名前を付けて保存」で「Excel 2007-365 (.xlsx)」を選んで保存し直してください。';
export const oldOrLocked = (name: string) =>
  `${name} は古い Excel 形式（.xls）か、パスワードで保護されたファイルです。どちらも読めません。パスワードを外し、${REMEDY}`;
export const textNotBook = (name: string) =>
  `${name} は .xlsx ではなく、テキスト（CSV など）のファイルです。表の読み込みには import-plan か import を使います。` +
  `ブックのときは、${REMEDY}`;
export const fileSize = (size: string) => `ファイルが ${size}`;
export const unpackedSize = (size: string) => `中身が展開すると ${size}`;
export const tooLarge = (name: string, what: string, fileLimit: string, unpackedLimit: string) =>
  `${name} は大きすぎるため開きません（${what}。上限はファイル ${fileLimit}、` +
  `展開後 ${unpackedLimit}、回答 およそ20万行です）。同じ行が何度も貼り付けられていないか、` +
  '使っていない行や列に書式だけが残っていないかを確かめ、不要な行を消して保存し直してください。';
export const unreadableBook = (name: string, detail: string) =>
  `${name} を .xlsx ブックとして開けません（ファイルが途中までしかないか、壊れています: ${detail}）。` +
  `元のファイルをもう一度コピーするか、${REMEDY}`;
export const cannotSave = (name: string, why: string) =>
  `${name} を保存できません（${why}）。フォルダに書き込めるか、空き容量があるかを確かめてください。元のファイルは変更していません。`;
export const readOnly = (name: string) =>
  `${name} は読み取り専用のため、変更しません。` +
  '書き込めるようにする（エクスプローラーのプロパティで「読み取り専用」を外す）か、コピーに対して実行してください。';
export const unkeptParts = (name: string, parts: readonly string[]) =>
  `${name} には、このツールが保存すると消えてしまうもの（${parts.join('、')}）があります。` +
  '今回の変更は保存していません（ブックは元のままです）。残したいものを別のブックにコピーしてから、' +
  'コマンドの最後に --force を付けてもう一度実行してください。';

// --- the lock beside a book
export const lockFolderReadOnly = (folder: string) =>
  `フォルダ ${folder} に書き込めないため、実行できません（ロックファイルを作れません）。` +
  '書き込めるフォルダにブックをコピーしてから実行してください。';
export const lockUnsigned = (file: string) =>
  `ロックファイル ${file} には、だれが作ったかが書かれていません（古い版か、壊れています）。` +
  'だれも実行していないことを確かめてから、このファイルを削除してください。';
export const thisComputer = () => 'このコンピュータ';
export const otherComputer = (host: string) => `別のコンピュータ「${host}」`;
export const lockHeld = (where: string, user: string, since: string, pid: number, file: string) =>
  `${where}で ${user || '（名前不明）'} さんが${since ? `${since} から` : ''}実行中です（プロセス ${pid}）。` +
  '終わるのを待ってから、もう一度実行してください。' +
  `そのコンピュータで実行していないことを確かめたときだけ、${file} を削除してください。`;

// --- usage (main.ts)
export const HELP = `男女平等推進プラン 進捗状況調査（.xlsx 版）

使い方: danjo-plan <コマンド> <ブック.xlsx> [引数…]

  init <book.xlsx>                        設計どおりのシート（空）を持つブックを作る
  import-plan <book.xlsx> <plan.tsv|csv>  プランの表（TSV/CSV、UTF-8 か Shift_JIS）を「プラン」に読み込む（事業番号ごとに追加・更新）
  import <book.xlsx> <シート名> <file>     体系・指標・指標実績・所管課・設定・提言・委員会評価 の表を読み込む
                                          （行の見出しごとに追加・更新し、ファイルにない行は残す。
                                           --replace でファイルにない行を消す、--dry-run で変わる行だけを表示）
  set <book.xlsx> <項目> <値>              「設定」の項目を変える（例: set book.xlsx 対象年度 令和7年度）
  check <book.xlsx>                       プランの入力チェック（結果は「チェック結果」シート）
  requests <book.xlsx>                    所管課別調査シートを作成・更新
  merge <book.xlsx>                       回答を取り込む
  summary <book.xlsx>                     評価サマリーと事業別一覧を作成
  report <book.xlsx> <out.pdf|out.html> [--force]
                                          進捗状況報告書を PDF（A4。Chromium・Chrome・Edge が必要）か HTML にする
  export-request <book.xlsx> <所管課> <out.xlsx> [--force]
                                          1つの課の調査シートを別ファイルに書き出す（既にあるファイルは --force のときだけ上書き）
  import-request <book.xlsx> <in.xlsx>    回答済みのファイルを調査シートに戻す
  remind <book.xlsx> [--eml <フォルダ>]    回答が終わっていない課と連絡の文面を表示する（--eml で課ごとの .eml を書き出す。送信はしません）
  demo [out.xlsx]                         清瀬市の例で全体の流れを実行する（既定: demo/kiyose-demo.xlsx）

終了コード: 0 成功 / 1 入力に問題あり（内容を表示します） / 2 使い方の誤り / 3 ファイルを開けない・保存できない
          / 4 ほかの人が同じブックで実行中 / 5 予期しないエラー（DEBUG=1 で詳しく表示）`;
export const needs = (command: string, args: string, note?: string) =>
  `${command} には ${args} が必要です${note ? `（${note}）` : ''}。`;
export const unknownCommand = (command: string) => `「${command}」というコマンドはありません。`;
export const examplesMissing = (dir: string) =>
  `例のデータ（${dir}）が見つかりません。demo はプロジェクトのフォルダの中で実行してください。`;
export const importableTabs = (tabs: readonly string[]) => `読み込めるシートは ${tabs.join('、')} です。`;
export const returnIsTheBook = (path: string) =>
  `取り込むファイル ${path} がブックそのものです。各課から返ってきたファイルを指定してください。`;
export const fileUnchanged = () => 'ファイルは変更していません。';
export const bookUnchanged = () => 'ブックは変更していません。';
export const reportNameKind = (out: string) => `書き出し先 ${out} は .pdf か .html で終わる名前にしてください。`;
export const reportIsTheBook = (out: string) =>
  `書き出し先 ${out} がブックそのものです。別のファイル名（.pdf か .html）を指定してください。`;
export const exportIsTheBook = (out: string) =>
  `書き出し先 ${out} がブックそのものです。別のファイル名を指定してください（ブックを上書きすると、ほかのシートがすべて消えます）。`;
export const outExists = (out: string) =>
  `${out} は既にあります。上書きしてよいときは、最後に --force を付けて実行してください。`;
export const unknownItem = (item: string, near: string | undefined, items: readonly string[]) =>
  `「${item}」という設定の項目はありません。${near ? `「${near}」のことでしょうか。` : ''}設定できる項目：${items.join('、')}`;
export const bookPathMissing = () => 'ブック（.xlsx）のパスを指定してください。';
export const argumentCount = (count: number) => `引数の数が違います（${count}個必要です）。`;
export const tableFileMissing = (path: string) => `表のファイル ${path} がありません。`;
export const draftsWritten = (names: readonly string[], dir: string) =>
  `${names.length}件の下書き（.eml）を ${dir} に書き出しました：${names.join('、')}。メールソフトで開いて送ってください。` +
  '（同じ名前のファイルがあるときは上書きせず、_2 などを付けた名前で書き出します。）';

// --- the unexpected, printing, the demo, text tables and Excel's limits
export const unexpected = (detail: string) => `予期しないエラーで止まりました。ブックは変更していません。${detail}`;
export const debugHint = () => '（DEBUG=1 を付けて実行すると詳しい内容が出ます）';
export const chromiumMissing = [
  'PDF を作るブラウザ（Chromium・Google Chrome・Microsoft Edge）が見つかりません。次のどれかをしてください：',
  '  Debian・Ubuntu: sudo apt-get install chromium fonts-noto-cjk',
  '  Windows・Mac: Microsoft Edge か Google Chrome を入れるか、その場所を環境変数 CHROMIUM に書きます',
  '    （例 set CHROMIUM=C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe）。',
  'ブラウザがなくても、report <ブック> <報告書.html> で HTML を作り、ブラウザで開いて「印刷」から PDF にできます。',
].join('\n');
export const printFailed = (browser: string, why: string) =>
  `ブラウザ（${browser}）で PDF にできませんでした（${why}）。` +
  'report <ブック> <報告書.html> で HTML を作り、ブラウザで開いて「印刷」から PDF にしてください。';
export const reportWritten = (out: string, yearLabel: string, kind: string) =>
  `${out} に${yearLabel}の進捗状況報告書（${kind}、A4）を書き出しました。`;
export const untaggedPdf = (lines: number) =>
  `事業の行が ${lines.toLocaleString('ja-JP')}行と多いため、PDF には読み上げ用の構造を付けていません（付けると数倍の時間がかかります）。` +
  'ホームページには、読み上げに対応した HTML 版（report <ブック> <報告書.html>）を載せてください。';
export const demoAnswered = (count: number) => `  各課が ${count}件の回答を入力しました（例のデータ）。`;
export const demoReplied = (count: number) => `  提言への対応 ${count}件も入力しました。`;
export const demoCommittee = () => '  推進委員会が課題ごとの評価と提言を入力しました（例のデータ）。';
export const written = (path: string) => `${path} に書き出しました。`;
export const demoNoPdf = () =>
  'PDF を作るブラウザ（Chromium・Chrome・Edge）が見つからないため、報告書の PDF は作りませんでした。';
export const badBytes = (line: number, encoding: string) =>
  `${line}行目に、文字コード ${encoding} の文字として読めないバイトがあります` +
  '（ファイルが途中で切れているか、壊れています）。読み込んでいません。元のファイルをもう一度コピーするか、' +
  'Excel で開いて「CSV UTF-8（コンマ区切り）」で保存し直してください。';
export const openQuote = (line: number) =>
  `${line}行目で始まる「"」が閉じられていないため、そこから後を読めません。` +
  'その行の「"」を確かめてください（セルの中の「"」は「""」と2つ重ねます）。何も読み込んでいません。';
export const farValues = (sheet: string, cell: string, count: number) =>
  `シート「${sheet}」のセル ${cell}${count > 1 ? ` など ${count} か所` : ''}に、表から遠く離れた値があります。` +
  '読み飛ばしました。不要なら削除してください（必要なら表の近くに移してください）。';
export const cellOverExcel = (sheet: string, cell: string, length: number) =>
  `シート「${sheet}」のセル ${cell} の文字数（${length.toLocaleString('ja-JP')}字）` +
  'が、Excel の1セルの上限（32,767字）を超えています。この内容を短くしてから、もう一度実行してください。';
export const listOverExcel = (sheet: string, head: string, limit: number) =>
  `「${sheet}」の一覧（${head}…）は Excel の入力規則の上限（${limit}字）を超えるため、` +
  'ドロップダウンを付けていません。「設定」の区分を短くすると付きます。';
export const noChartRenderer = (sheet: string) =>
  `「${sheet}」のグラフは作れませんでした（この環境にはグラフを描く部品がありません）。表はすべてそろっています。`;
