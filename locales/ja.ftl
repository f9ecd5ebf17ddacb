# Japanese. Every word the explainer's page shows or says that is not the
# story's own: one file a language (Fluent syntax: https://projectfluent.org),
# chosen by the story's `language`. Each locale has every key below and no
# other (`cargo xtask build` checks, naming the file, key and locale); a story
# may override any key in its own `[strings]` table.
#
# Variables marked "runtime" are filled in the reader's browser, after an
# action. Every other variable is filled when the page is built.
#
# Translator notes (Japanese):
# - Japanese has a single plural category (other), so no message here has a
#   select expression: counts are written with 件 or 文字 and the number.
# - A milestone is "項目", a sector is "分野", a context section is
#   "セクション".
# - Quotation marks are 「」; the range mark is 〜 (U+301C).
# - Polite (です・ます) style for sentences, plain noun phrases for buttons
#   and labels.

## The page

# The first link of the page, for keyboard users.
skip-link = 記事本文へ移動
# Under the headline. $name, $role: from the story.
byline = { $name }（{ $role }）

## The evergreen context

context-expand-all = すべて開く
context-collapse-all = すべて閉じる
# Said after "Expand all" / "Collapse all". $count: the number of sections.
context-all-expanded = すべてのセクション（{ $count }件）を開きました。
context-all-collapsed = すべてのセクション（{ $count }件）を閉じました。

## The timeline

# The timeline's heading when a story gives none of its own (`cargo xtask import` writes it).
timeline-heading = 年表
# The list of a timeline's labelled periods (its eras).
timeline-eras = 時代区分
timeline-hint = 項目を選ぶと詳細が表示されます。矢印キーで項目間を移動できます。
# The legend of the sector filters.
timeline-filters = 表示する分野
# After a sector's label on its filter: how many milestones it has.
timeline-filter-count = （{ $count }）
# The marker of today's date on the axis.
timeline-today = 今日
# The accessible name of the list of dated milestones.
timeline-dated = 日付のある項目（日付順）
# The heading of the milestones the story gives no date, and their date.
timeline-undated = 日付の記載なし
timeline-empty = 選択した分野には項目がありません。分野の表示をオンに戻すと、その項目が表示されます。
# Said when a filter is turned on or off. $sector: its label; $shown
# (runtime): how many milestones are shown now; $total: how many there are.
timeline-sector-shown = 「{ $sector }」を表示しました。全{ $total }件のうち{ $shown }件を表示しています。
timeline-sector-hidden = 「{ $sector }」を非表示にしました。全{ $total }件のうち{ $shown }件を表示しています。
# Said when a milestone is selected. $title: its title; $when: its dates.
timeline-selected = { $title }（{ $when }）を選択しました。
timeline-selected-undated = { $title }（日付の記載なし）を選択しました。

## A milestone's details

milestone-when = 時期
milestone-sector = 分野
milestone-status = 状況
milestone-expected-impact = 見込まれる効果
milestone-reported-outcome = 報じられた結果
milestone-note = 注記
# $passage: the passage of the story the dates come from (a section title or
# a table caption).
milestone-source = 記事中の「{ $passage }」の記述に基づきます。
milestone-copy-link = この項目へのリンクをコピー
milestone-link-copied = リンクをコピーしました。
# When the browser refuses to copy. $link (runtime): the link.
milestone-link-not-copied = ブラウザーがコピーを許可しませんでした。リンクを選択して、手動でコピーしてください：{ $link }

## Dates
# $year: the year as the locale writes it; for Japanese ICU4X gives it with
# 年 already ("2026年"), so seasons are "2026年春" and quarters
# "2026年第2四半期". Winter (冬) is the winter that begins in December of $year.

# A date before the Common Era: $date is the date as its year is counted (3500).
date-bce = 紀元前{ $date }
# A date in deep time: $years is the count in compact words (13.8 billion).
date-years-ago = { $years }年前
date-season =
    { $season ->
        [spring] { $year }春
        [summer] { $year }夏
        [autumn] { $year }秋
       *[winter] { $year }冬
    }
# $quarter: 1 to 4.
date-quarter = { $year }第{ $quarter }四半期
# A span of two dates, and a start with no end.
when-span = { $start }〜{ $end }
when-ongoing = { $start }から継続中
# A milestone's status. $when: its dates; $start: its start.
status-undated = 記事に日付の記載はありません
status-reported = { $when }の結果が報じられています
status-scheduled = 予定：{ $when }
status-upcoming = { $start }に開始予定
status-in-window = 予定：{ $when }（現在、その期間中です）
status-ongoing = 予定：{ $start }から継続（現在、その期間中です）
status-passed = 予定：{ $when }（その期間は過ぎましたが、記事は結果を報じていません）

## The poll

poll-noscript = このアンケートにはJavaScriptが必要です。回答するには有効にしてください。回答はこのブラウザー内にのみ保存されます。
poll-own-page = この解説記事を単独のページで開く
poll-save = 回答を保存
poll-cancel = 変更を取り消す
poll-your-answers = あなたの回答
poll-change = 回答を変更
poll-clear = 回答を消去
poll-confirm = このブラウザーから回答を消去しますか？この操作は元に戻せません。
poll-confirm-yes = はい、消去します
poll-confirm-no = いいえ、残します
poll-privacy = プライバシー：回答はこのブラウザー内にとどまります。当社を含め、どこにも送信されることはなく、クッキーも使用しません。
# Under a question that takes several answers.
poll-choose-any = 当てはまるものをすべて選んでください。
# The label of a choice's own text box. $choice: the choice's label.
poll-other-label = 「{ $choice }」の内容
# In "Your answers", for a question not answered.
poll-no-answer = 未回答
# Under a text box. $count (runtime): characters typed; $max: the limit.
poll-counter = { $count } / { $max }文字
# The same, over the limit. $over (runtime): how many too many.
poll-counter-over = { $count } / { $max }文字（{ $over }文字超過）
# Said once when the text goes over the limit.
poll-over-limit = 回答が文字数の上限を超えています。
poll-saved = 保存しました。回答はこのブラウザーに保存されています。
poll-saved-not-kept = 回答を下に表示していますが、保存できませんでした。
poll-saved-in-memory = 回答を下に表示しています。このページを離れると、回答は保存されません。
poll-cleared = 回答を消去しました。
poll-clear-failed = このブラウザーから回答を消去できませんでした。
poll-other-tab-changed = 別のタブで回答が変更されました。ここで保存すると、その回答は置き換えられます。
poll-other-tab-updated = 別のタブで回答が更新されました。
poll-other-tab-cleared = 別のタブで回答が消去されました。
# Said when a save is refused for one problem. $problem (runtime): what it is.
poll-not-saved-one = 回答は保存されませんでした。{ $problem }
# The same for several. $count (runtime): how many.
poll-not-saved-many = 回答は保存されませんでした。下に示した{ $count }件の問題を修正してください。
poll-error-nothing = 少なくとも1つの質問に回答してから保存してください。
poll-error-unknown-choice = 表示された選択肢から選んでください。
poll-error-only-one = 選べる回答は1つだけです。
# $choice: the label of the choice with its own text box.
poll-error-other-empty = 「{ $choice }」が選ばれています。内容を記入するか、選択を外してください。
# $length (runtime): the answer's length; $max: the limit; $over (runtime): how many too many.
poll-error-too-long = この回答は{ $length }文字で、上限の{ $max }文字を超えています。{ $over }文字短くしてください。

## What the poll says about the browser's storage

storage-blocked = お使いのブラウザーがこのページでのデータ保存を許可していないため、ページを離れると回答は保存されません。アンケートへの回答は引き続き可能です。
storage-full = このサイト用のブラウザーの保存領域がいっぱいのため、回答を保存できませんでした。回答は、このページを離れるまで表示されたままです。
storage-failed = お使いのブラウザーがこのページでの回答の保存を許可しなかったため、回答はページを離れるまでの間だけ保持されます。
storage-not-kept = お使いのブラウザーはこのページのデータを保存していません（プライベートブラウズ中や保存領域がいっぱいの場合など）。そのため、回答はページを離れるまでしか保持されません。
storage-set-aside = 以前このブラウザーに保存された回答を読み込めなかったため、アンケートを最初からやり直します。読み込めなかったデータは削除せず、別に保管してあります。
storage-untouched = 以前このブラウザーに保存された回答を読み込めなかったため、そのままにしてあります。今回の回答は、ページを離れるまでしか保持されません。
storage-newer = 回答はこのページの新しいバージョンで保存されています。表示するにはページを再読み込みしてください。それまでは、ここでの回答は保存されません。
storage-framed = この埋め込み表示では何も保存できないため、回答はページを離れるまでしか残りません。ブラウザーに保存するには、解説記事を単独のページで開いてください。

## The poll's results (a story with a results service)

poll-results-heading = 読者の回答
# After a choice the reader made, in the results.
poll-results-mine = あなたの回答
poll-privacy-results = プライバシー：回答はこのブラウザー内に保存され、ほかの読者の回答と合わせて集計するために、名前の代わりにランダムな番号で、クッキーを使わずに送信されます。テキスト欄に書いた内容は編集部だけが読み、公開されることはありません。
# $count: readers who have answered the poll.
poll-results-readers = これまでに{ $count }人の読者が回答しました。
# A choice's share. $percent: of the readers who answered the question; $count: how many chose it.
poll-results-share = { $percent }%（{ $count }人）
poll-results-later = 回答はこのブラウザーに保存されています。回答が集計サービスに届くと、結果が表示されます。
poll-results-refused = 集計サービスはこの回答を受け付けませんでした。回答は引き続きこのブラウザーに保存されています。

## The "Embed this" panel

embed-heading = 埋め込み
embed-intro = この解説記事またはその一部を、ご自身のページに埋め込めます。フレームの大きさは内容に合わせて自動で調整され、pym.jsを使うページでは追加の作業は不要です。
embed-cms = WordPressではこのページのアドレスを貼るだけで埋め込めます。Ghostではアドレスがリンクカードになり、下のコードはHTMLカードに貼り付けられます。
embed-what = 埋め込む内容
embed-whole = 解説記事全体
embed-part-missing = この記事にはこの部分がありません。
embed-format = ページの種類
embed-format-html = 通常のウェブページ
embed-format-amp = AMPページ
embed-code = 埋め込みコード
embed-copy = 埋め込みコードをコピー
embed-copied = 埋め込みコードをコピーしました。
embed-copy-refused = ブラウザーがコピーを許可しませんでした。テキストを選択して、手動でコピーしてください。
# The accessible name of an embedded part. $part: its heading; $page: the page's title.
embed-frame-title = { $part } – { $page }
embed-amp-head = ページの<head>内で、AMPのフレーム用コンポーネントを一度だけ読み込んでください:
embed-amp-more = すべて表示
