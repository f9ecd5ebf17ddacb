# Tajik (Cyrillic script). Every word the explainer's page shows or says that
# is not the story's own: one file a language (Fluent syntax:
# https://projectfluent.org), chosen by the story's `language`. Each locale
# has every key below and no other (`cargo xtask build` checks, naming the
# file, key and locale); a story may override any key in its own `[strings]`
# table.
#
# Variables marked "runtime" are filled in the reader's browser, after an
# action; a select expression on a runtime number is written with the plural
# categories of the locale (for Tajik: `one` and `other`), which the browser
# picks with `Intl.PluralRules`. Every other variable is filled when the page
# is built.
#
# Translator notes (Tajik):
# - Tajik cardinal plural categories: one (exactly 1) and other. A noun after
#   a number stays singular ("5 бахш", "300 аломат"), so selects are kept only
#   where English changes the wording for one item.
# - A milestone is "марҳала", a sector is "соҳа", a context section is "бахш".
# - Dates follow the newspaper usage with izafat and "соли": "баҳори соли
#   2026", "семоҳаи дуюми соли 2026".
# - Quotation marks are « ».

## The page

# The first link of the page, for keyboard users.
skip-link = Гузаштан ба мақола
# Under the headline. $name, $role: from the story.
byline = Муаллиф: { $name }, { $role }

## The evergreen context

context-expand-all = Ҳамаро кушодан
context-collapse-all = Ҳамаро пӯшидан
# Said after "Expand all" / "Collapse all". $count: the number of sections.
context-all-expanded =
    { $count ->
        [one] Бахш кушода шуд.
       *[other] Ҳамаи { $count } бахш кушода шуданд.
    }
context-all-collapsed =
    { $count ->
        [one] Бахш пӯшида шуд.
       *[other] Ҳамаи { $count } бахш пӯшида шуданд.
    }

## The timeline

# The timeline's heading when a story gives none of its own (`cargo xtask import` writes it).
timeline-heading = Хронология
# The list of a timeline's labelled periods (its eras).
timeline-eras = Давраҳо
timeline-hint = Барои дидани тафсилот марҳаларо интихоб кунед; бо тугмаҳои тирча аз як марҳала ба марҳалаи дигар гузаштан мумкин аст.
# The legend of the sector filters.
timeline-filters = Намоиши соҳаҳо
# After a sector's label on its filter: how many milestones it has.
timeline-filter-count = ({ $count })
# The marker of today's date on the axis.
timeline-today = Имрӯз
# The accessible name of the list of dated milestones.
timeline-dated = Марҳалаҳои санадор, бо тартиби сана
# The heading of the milestones the story gives no date, and their date.
timeline-undated = Сана нишон дода нашудааст
timeline-empty = Дар соҳаҳои интихобшуда марҳала нест. Барои дидани марҳалаҳои ягон соҳа онро дубора фаъол кунед.
# Said when a filter is turned on or off. $sector: its label; $shown
# (runtime): how many milestones are shown now; $total: how many there are.
timeline-sector-shown =
    { $total ->
        [one] Соҳаи «{ $sector }» нишон дода шуд. Аз { $total } марҳала { $shown } марҳала нишон дода мешавад.
       *[other] Соҳаи «{ $sector }» нишон дода шуд. Аз { $total } марҳала { $shown } марҳала нишон дода мешавад.
    }
timeline-sector-hidden =
    { $total ->
        [one] Соҳаи «{ $sector }» пинҳон карда шуд. Аз { $total } марҳала { $shown } марҳала нишон дода мешавад.
       *[other] Соҳаи «{ $sector }» пинҳон карда шуд. Аз { $total } марҳала { $shown } марҳала нишон дода мешавад.
    }
# Said when a milestone is selected. $title: its title; $when: its dates.
timeline-selected = { $title }, { $when }, интихоб шуд.
timeline-selected-undated = { $title }, сана нишон дода нашудааст, интихоб шуд.

## A milestone's details

milestone-when = Мӯҳлат
milestone-sector = Соҳа
milestone-status = Ҳолат
milestone-expected-impact = Таъсири интизоршаванда
milestone-reported-outcome = Натиҷа тибқи мақола
milestone-note = Эзоҳ
# $passage: the passage of the story the dates come from (a section title or
# a table caption).
milestone-source = Манбаъ: бахши мақола бо номи «{ $passage }».
milestone-copy-link = Нусха гирифтани пайванди ин марҳала
milestone-link-copied = Пайванд нусха гирифта шуд.
# When the browser refuses to copy. $link (runtime): the link.
milestone-link-not-copied = Браузери шумо нусха гирифтанро иҷозат надод: пайвандро интихоб карда, худатон нусха гиред: { $link }

## Dates
# $year: the year as the locale writes it (for Tajik, just the digits:
# "2026"). Winter is the winter that begins in December of $year.

# A date before the Common Era: $date is the date as its year is counted (3500).
date-bce = { $date } пеш аз милод
# A date in deep time: $years is the count in compact words (13.8 billion).
date-years-ago = { $years } сол пеш
date-season =
    { $season ->
        [spring] баҳори соли { $year }
        [summer] тобистони соли { $year }
        [autumn] тирамоҳи соли { $year }
       *[winter] зимистони соли { $year }
    }
# $quarter: 1 to 4, written as an ordinal word: "семоҳаи дуюми соли 2026".
# The numeric keys [1] to [4] match the number exactly; the default is only
# a fallback.
date-quarter =
    { $quarter ->
        [1] семоҳаи якуми соли { $year }
        [2] семоҳаи дуюми соли { $year }
        [3] семоҳаи сеюми соли { $year }
        [4] семоҳаи чоруми соли { $year }
       *[other] семоҳаи { $quarter }-уми соли { $year }
    }
# A span of two dates, and a start with no end.
when-span = { $start }–{ $end }
when-ongoing = аз { $start } сар карда, идома дорад
# A milestone's status. $when: its dates; $start: its start.
status-undated = Дар мақола сана нишон дода нашудааст
status-reported = Натиҷаҳои гузоришшуда барои давраи { $when }
status-scheduled = Тибқи нақша: { $when }
status-upcoming = Оғоз тибқи нақша: { $start }
status-in-window = Тибқи нақша: { $when }; ин давра ҳоло ҷараён дорад
status-ongoing = Тибқи нақша аз { $start } сар карда, бе санаи анҷом идома меёбад; ин давра ҳоло ҷараён дорад
status-passed = Тибқи нақша: { $when }; ин давра гузаштааст, вале мақола дар бораи натиҷа хабар намедиҳад

## The poll

poll-noscript = Барои пурсиш JavaScript лозим аст. Барои ҷавоб додан онро фаъол кунед; ҷавобҳои шумо дар ҳамин браузер мемонанд.
poll-own-page = Маводро дар саҳифаи алоҳида кушоед
poll-save = Захира кардани ҷавобҳо
poll-cancel = Бекор кардани тағйирот
poll-your-answers = Ҷавобҳои шумо
poll-change = Тағйир додани ҷавобҳо
poll-clear = Тоза кардани ҷавобҳо
poll-confirm = Ҷавобҳои шумо аз ин браузер тоза карда шаванд? Ин амалро баргардонидан ғайриимкон аст.
poll-confirm-yes = Бале, тоза карда шаванд
poll-confirm-no = Не, боқӣ монанд
poll-privacy = Махфият: ҷавобҳои шумо дар ҳамин браузер мемонанд. Ба мо ё ба ягон каси дигар чизе фиристода намешавад ва файлҳои куки гузошта намешаванд.
# Under a question that takes several answers.
poll-choose-any = Метавонед якчанд ҷавобро интихоб кунед.
# The label of a choice's own text box. $choice: the choice's label.
poll-other-label = Ҷавоби шумо барои «{ $choice }»
# In "Your answers", for a question not answered.
poll-no-answer = Ҷавоб дода нашудааст
# Under a text box. $count (runtime): characters typed; $max: the limit.
poll-counter = { $count } / { $max } аломат
# The same, over the limit. $over (runtime): how many too many.
poll-counter-over = { $count } / { $max } аломат ({ $over } аломат зиёд)
# Said once when the text goes over the limit.
poll-over-limit = Ҷавоби шумо аз миқдори иҷозатдодашудаи аломатҳо зиёд аст.
poll-saved = Захира шуд. Ҷавобҳои шумо дар ҳамин браузер нигоҳ дошта мешаванд.
poll-saved-not-kept = Ҷавобҳои шумо дар поён нишон дода шудаанд, вале нигоҳ доштани онҳо муяссар нашуд.
poll-saved-in-memory = Ҷавобҳои шумо дар поён нишон дода шудаанд. Пас аз тарк кардани ин саҳифа онҳо нигоҳ дошта намешаванд.
poll-cleared = Ҷавобҳои шумо тоза карда шуданд.
poll-clear-failed = Ҷавобҳои шуморо аз ин браузер тоза кардан муяссар нашуд.
poll-other-tab-changed = Ҷавобҳои шумо дар варақаи дигар тағйир дода шуданд. Агар дар ин ҷо захира кунед, онҳо иваз мешаванд.
poll-other-tab-updated = Ҷавобҳои шумо дар варақаи дигар нав карда шуданд.
poll-other-tab-cleared = Ҷавобҳои шумо дар варақаи дигар тоза карда шуданд.
# Said when a save is refused for one problem. $problem (runtime): what it is.
poll-not-saved-one = Ҷавобҳои шумо захира нашуданд. { $problem }
# The same for several. $count (runtime): how many.
poll-not-saved-many =
    { $count ->
        [one] Ҷавобҳои шумо захира нашуданд: лутфан, хатогии дар поён нишондодашударо ислоҳ кунед.
       *[other] Ҷавобҳои шумо захира нашуданд: лутфан, { $count } хатогии дар поён нишондодашударо ислоҳ кунед.
    }
poll-error-nothing = Ақаллан ба як савол ҷавоб диҳед, баъд захира кунед.
poll-error-unknown-choice = Аз ҷавобҳои пешниҳодшуда интихоб кунед.
poll-error-only-one = Танҳо як ҷавобро интихоб кунед.
# $choice: the label of the choice with its own text box.
poll-error-other-empty = Шумо «{ $choice }»-ро интихоб кардед: онро шарҳ диҳед ё интихобро бекор кунед.
# $length (runtime): the answer's length; $max: the limit; $over (runtime): how many too many.
poll-error-too-long =
    { $over ->
        [one] Дарозии ин ҷавоб { $length } аломат аст; ҳадди ниҳоӣ { $max } аломат. Лутфан, онро { $over } аломат кӯтоҳ кунед.
       *[other] Дарозии ин ҷавоб { $length } аломат аст; ҳадди ниҳоӣ { $max } аломат. Лутфан, онро { $over } аломат кӯтоҳ кунед.
    }

## What the poll says about the browser's storage

storage-blocked = Браузери шумо ба ин саҳифа иҷозат намедиҳад, ки чизе захира кунад, бинобар ин ҷавобҳои шумо пас аз тарки саҳифа нигоҳ дошта намешаванд. Шумо ба ҳар ҳол метавонед ба пурсиш ҷавоб диҳед.
storage-full = Хотираи браузери шумо барои ин сомона пур шудааст, бинобар ин ҷавобҳои шуморо нигоҳ доштан муяссар нашуд. Онҳо то тарки ин саҳифа дар он боқӣ мемонанд.
storage-failed = Браузери шумо ба ин саҳифа иҷозат надод, ки ҷавобҳои шуморо нигоҳ дорад, бинобар ин онҳо танҳо то тарки саҳифа дар он боқӣ мемонанд.
storage-not-kept = Браузери шумо маълумоти ин саҳифаро нигоҳ намедорад (масалан, дар реҷаи махфӣ ё вақте ки хотира пур аст), бинобар ин ҷавобҳои шумо танҳо то тарки саҳифа боқӣ мемонанд.
storage-set-aside = Ҷавобҳое, ки қаблан дар ин браузер захира шуда буданд, хонда нашуданд, бинобар ин пурсиш аз нав оғоз мешавад. Нусхаи хонданашаванда нест карда нашуд, балки ҷудо нигоҳ дошта шуд.
storage-untouched = Ҷавобҳое, ки қаблан дар ин браузер захира шуда буданд, хонда нашуданд ва бетағйир монданд. Ҷавобҳое, ки ҳоло медиҳед, танҳо то тарки саҳифа боқӣ мемонанд.
storage-newer = Ҷавобҳои шумо бо версияи навтари ин саҳифа захира шудаанд: барои дидани онҳо саҳифаро аз нав бор кунед. То он вақт ҷавобҳое, ки дар ин ҷо медиҳед, нигоҳ дошта намешаванд.
storage-framed = Ин нусхаи ҷойгиршудаи мавод ҳеҷ чизро нигоҳ дошта наметавонад, бинобар ин ҷавобҳои шумо танҳо то тарки саҳифа боқӣ мемонанд. Барои он ки браузер онҳоро нигоҳ дорад, маводро дар саҳифаи алоҳида кушоед.

## The poll's results (a story with a results service)

poll-results-heading = Хонандагон чӣ ҷавоб доданд
# After a choice the reader made, in the results.
poll-results-mine = ҷавоби шумо
poll-privacy-results = Махфият: ҷавобҳои шумо дар ҳамин браузер нигоҳ дошта мешаванд ва бо рақами тасодуфӣ ба ҷои номатон, бе файлҳои куки фиристода мешаванд, то бо ҷавобҳои дигар хонандагон ҳисоб карда шаванд. Он чиро, ки дар майдони матн менависед, танҳо таҳририя мехонад ва нашр намешавад.
# $count: readers who have answered the poll.
poll-results-readers =
    { $count ->
        [one] То ҳол { $count } хонанда ҷавоб додааст.
       *[other] То ҳол { $count } хонанда ҷавоб додаанд.
    }
# A choice's share. $percent: of the readers who answered the question; $count: how many chose it.
poll-results-share = { $percent }% ({ $count })
poll-results-later = Ҷавобҳои шумо дар ҳамин браузер нигоҳ дошта шудаанд. Натиҷаҳо вақте пайдо мешаванд, ки ҷавобҳо ба хадамоти натиҷаҳо расанд.
poll-results-refused = Хадамоти натиҷаҳо ин ҷавобҳоро қабул накард. Онҳо ҳанӯз дар ҳамин браузер нигоҳ дошта шудаанд.

## The "Embed this" panel

embed-heading = Ҷойгир кардан дар сомонаи худ
embed-intro = Ин маводи шарҳдиҳанда ё як қисми онро дар саҳифаи худ ҷойгир кунед: андозаи чорчӯба худ ба худ ба мундариҷа мутобиқ мешавад ва барои саҳифаҳое, ки pym.js-ро истифода мебаранд, дигар чизе лозим нест.
embed-cms = WordPress ин саҳифаро танҳо аз рӯи нишониаш ҷойгир мекунад; Ghost нишониро ҳамчун корти пайванд нишон медиҳад ва коди зеринро дар корти HTML қабул мекунад.
embed-what = Чиро ҷойгир кардан
embed-whole = Тамоми мавод
embed-part-missing = Дар ин мавод чунин қисм нест.
embed-format = Навъи саҳифа
embed-format-html = Саҳифаи оддии веб
embed-format-amp = Саҳифаи AMP
embed-code = Коди ҷойгиркунӣ
embed-copy = Нусха гирифтани коди ҷойгиркунӣ
embed-copied = Коди ҷойгиркунӣ нусха гирифта шуд.
embed-copy-refused = Браузери шумо нусха гирифтанро иҷозат надод: матнро интихоб карда, худатон нусха гиред.
# The accessible name of an embedded part. $part: its heading; $page: the page's title.
embed-frame-title = { $part } – { $page }
embed-amp-head = Ҷузъи чорчӯбаи AMP-ро як бор дар <head>-и саҳифа пайваст кунед:
embed-amp-more = Пурра нишон додан
