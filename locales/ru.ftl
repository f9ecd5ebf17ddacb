# Russian. Every word the explainer's page shows or says that is not the
# story's own: one file a language (Fluent syntax: https://projectfluent.org),
# chosen by the story's `language`. Each locale has every key below and no
# other (`cargo xtask build` checks, naming the file, key and locale); a story
# may override any key in its own `[strings]` table.
#
# Variables marked "runtime" are filled in the reader's browser, after an
# action; a select expression on a runtime number is written with the plural
# categories of the locale (`one`, `few`, `many`, `other`), which the browser
# picks with `Intl.PluralRules`. Every other variable is filled when the page
# is built.
#
# Translator notes (Russian):
# - Russian cardinal plural categories: one (1, 21, 31...), few (2-4, 22-24...),
#   many (0, 5-20, 25-30...), other (fractions).
# - Dates are inserted into sentences as they are, in the nominative case
#   ("весна 2026 г.", "октябрь 2025 г."), so no message puts a date after a
#   preposition that would need another case ("с", "на", "за"...): dates
#   follow a colon or a noun instead.
# - A milestone is "этап", a sector is "сфера", a context section is "раздел".
# - Quotation marks are « ».

## The page

# The first link of the page, for keyboard users.
skip-link = Перейти к статье
# Under the headline. $name, $role: from the story.
byline = Автор: { $name }, { $role }

## The evergreen context

context-expand-all = Развернуть все
context-collapse-all = Свернуть все
# Said after "Expand all" / "Collapse all". $count: the number of sections.
# [1] is the exact number 1 (a story with a single section); [one] also
# covers 21, 31...
context-all-expanded =
    { $count ->
        [1] Раздел развёрнут.
        [one] Все { $count } раздел развёрнуты.
        [few] Все { $count } раздела развёрнуты.
        [many] Все { $count } разделов развёрнуты.
       *[other] Все { $count } раздела развёрнуты.
    }
context-all-collapsed =
    { $count ->
        [1] Раздел свёрнут.
        [one] Все { $count } раздел свёрнуты.
        [few] Все { $count } раздела свёрнуты.
        [many] Все { $count } разделов свёрнуты.
       *[other] Все { $count } раздела свёрнуты.
    }

## The timeline

# The timeline's heading when a story gives none of its own (`cargo xtask import` writes it).
timeline-heading = Хронология
# The list of a timeline's labelled periods (its eras).
timeline-eras = Периоды
timeline-hint = Выберите этап, чтобы увидеть подробности; клавиши со стрелками переводят от этапа к этапу.
# The legend of the sector filters.
timeline-filters = Показывать сферы
# After a sector's label on its filter: how many milestones it has.
timeline-filter-count = ({ $count })
# The marker of today's date on the axis.
timeline-today = Сегодня
# The accessible name of the list of dated milestones.
timeline-dated = Этапы с датами в хронологическом порядке
# The heading of the milestones the story gives no date, and their date.
timeline-undated = Дата не указана
timeline-empty = В выбранных сферах нет этапов. Снова включите сферу, чтобы увидеть её этапы.
# Said when a filter is turned on or off. $sector: its label; $shown
# (runtime): how many milestones are shown now; $total: how many there are.
# The select agrees "этап" with $total after "из" (genitive: из 1 этапа,
# из 3 этапов, из 5 этапов, из 21 этапа).
timeline-sector-shown =
    { $total ->
        [one] Сфера «{ $sector }» показана. Показано { $shown } из { $total } этапа.
        [few] Сфера «{ $sector }» показана. Показано { $shown } из { $total } этапов.
        [many] Сфера «{ $sector }» показана. Показано { $shown } из { $total } этапов.
       *[other] Сфера «{ $sector }» показана. Показано { $shown } из { $total } этапа.
    }
timeline-sector-hidden =
    { $total ->
        [one] Сфера «{ $sector }» скрыта. Показано { $shown } из { $total } этапа.
        [few] Сфера «{ $sector }» скрыта. Показано { $shown } из { $total } этапов.
        [many] Сфера «{ $sector }» скрыта. Показано { $shown } из { $total } этапов.
       *[other] Сфера «{ $sector }» скрыта. Показано { $shown } из { $total } этапа.
    }
# Said when a milestone is selected. $title: its title; $when: its dates.
timeline-selected = Выбрано: { $title }, { $when }.
timeline-selected-undated = Выбрано: { $title }, дата не указана.

## A milestone's details

milestone-when = Сроки
milestone-sector = Сфера
milestone-status = Статус
milestone-expected-impact = Ожидаемый эффект
milestone-reported-outcome = Результат по данным статьи
milestone-note = Примечание
# $passage: the passage of the story the dates come from (a section title or
# a table caption).
milestone-source = Источник: раздел статьи «{ $passage }».
milestone-copy-link = Скопировать ссылку на этот этап
milestone-link-copied = Ссылка скопирована.
# When the browser refuses to copy. $link (runtime): the link.
milestone-link-not-copied = Браузер не разрешил копирование. Выделите ссылку и скопируйте её вручную: { $link }

## Dates
# $year: the year as the locale writes it (for Russian, just the digits:
# "2026"). Seasons and quarters are written lowercase, like the months that
# ICU4X formats ("октябрь 2025 г."), since they usually stand inside a
# sentence or after a colon. Winter is the winter that begins in December of
# $year.

# A date before the Common Era: $date is the date as its year is counted (3500).
date-bce = { $date } до н. э.
# A date in deep time: $years is the count in compact words (13.8 billion).
date-years-ago = { $years } лет назад
date-season =
    { $season ->
        [spring] весна { $year } г.
        [summer] лето { $year } г.
        [autumn] осень { $year } г.
       *[winter] зима { $year } г.
    }
# $quarter: 1 to 4. "2-й квартал 2026 г."
date-quarter = { $quarter }-й квартал { $year } г.
# A span of two dates, and a start with no end. "С" would need the genitive
# ("с октября"), so an open span is "октябрь 2025 г. и далее".
when-span = { $start }–{ $end }
when-ongoing = { $start } и далее
# A milestone's status. $when: its dates; $start: its start.
status-undated = Дата в статье не указана
status-reported = Статья сообщает об итогах за период: { $when }
status-scheduled = По плану: { $when }
status-upcoming = Плановое начало: { $start }
status-in-window = По плану: { $when }; этот срок идёт сейчас
status-ongoing = Плановое начало: { $start }, без даты окончания; этот срок идёт сейчас
status-passed = По плану: { $when }; этот срок прошёл, об итогах в статье не сообщается

## The poll

poll-noscript = Для участия в опросе нужен JavaScript. Включите его, чтобы ответить; ответы останутся в этом браузере.
poll-own-page = Открыть материал на отдельной странице
poll-save = Сохранить ответы
poll-cancel = Отменить изменения
poll-your-answers = Ваши ответы
poll-change = Изменить ответы
poll-clear = Удалить мои ответы
poll-confirm = Удалить ваши ответы из этого браузера? Это действие нельзя отменить.
poll-confirm-yes = Да, удалить
poll-confirm-no = Нет, оставить
poll-privacy = Конфиденциальность: ваши ответы остаются в этом браузере. Ничего не передаётся ни нам, ни кому-либо ещё, файлы куки не устанавливаются.
# Under a question that takes several answers.
poll-choose-any = Можно выбрать несколько вариантов.
# The label of a choice's own text box. $choice: the choice's label.
poll-other-label = Уточните ответ «{ $choice }»
# In "Your answers", for a question not answered.
poll-no-answer = Нет ответа
# Under a text box. $count (runtime): characters typed; $max: the limit.
# Russian needs a select (English has none): "символ" agrees with $max
# ("0 / 21 символ", "0 / 300 символов", "0 / 2 символа").
poll-counter =
    { $max ->
        [one] { $count } / { $max } символ
        [few] { $count } / { $max } символа
        [many] { $count } / { $max } символов
       *[other] { $count } / { $max } символа
    }
# The same, over the limit. $over (runtime): how many too many.
# The select agrees "символ" with $max, as above.
poll-counter-over =
    { $max ->
        [one] { $count } / { $max } символ (на { $over } больше допустимого)
        [few] { $count } / { $max } символа (на { $over } больше допустимого)
        [many] { $count } / { $max } символов (на { $over } больше допустимого)
       *[other] { $count } / { $max } символа (на { $over } больше допустимого)
    }
# Said once when the text goes over the limit.
poll-over-limit = Ответ превышает допустимое число символов.
poll-saved = Сохранено. Ваши ответы хранятся в этом браузере.
poll-saved-not-kept = Ваши ответы показаны ниже, но сохранить их не удалось.
poll-saved-in-memory = Ваши ответы показаны ниже. После ухода с этой страницы они не сохранятся.
poll-cleared = Ваши ответы удалены.
poll-clear-failed = Не удалось удалить ваши ответы из этого браузера.
poll-other-tab-changed = Ваши ответы изменены в другой вкладке. Если сохранить ответы здесь, те изменения будут заменены.
poll-other-tab-updated = Ваши ответы обновлены в другой вкладке.
poll-other-tab-cleared = Ваши ответы удалены в другой вкладке.
# Said when a save is refused for one problem. $problem (runtime): what it is.
poll-not-saved-one = Ответы не сохранены. { $problem }
# The same for several. $count (runtime): how many. "Ошибка" (accusative)
# agrees with $count: 1 ошибку, 2 ошибки, 5 ошибок.
poll-not-saved-many =
    { $count ->
        [one] Ответы не сохранены: пожалуйста, исправьте { $count } ошибку, отмеченную ниже.
        [few] Ответы не сохранены: пожалуйста, исправьте { $count } ошибки, отмеченные ниже.
        [many] Ответы не сохранены: пожалуйста, исправьте { $count } ошибок, отмеченных ниже.
       *[other] Ответы не сохранены: пожалуйста, исправьте { $count } ошибки, отмеченные ниже.
    }
poll-error-nothing = Ответьте хотя бы на один вопрос, а затем сохраните ответы.
poll-error-unknown-choice = Выберите один из предложенных вариантов.
poll-error-only-one = Выберите только один вариант.
# $choice: the label of the choice with its own text box.
poll-error-other-empty = Вы выбрали «{ $choice }»: уточните ответ или снимите отметку.
# $length (runtime): the answer's length; $max: the limit; $over (runtime): how many too many.
# $length and $max stand after a dash, so only "символ" after $over agrees.
poll-error-too-long =
    { $over ->
        [one] Длина ответа в символах — { $length }, допустимо не более { $max }. Пожалуйста, сократите его на { $over } символ.
        [few] Длина ответа в символах — { $length }, допустимо не более { $max }. Пожалуйста, сократите его на { $over } символа.
        [many] Длина ответа в символах — { $length }, допустимо не более { $max }. Пожалуйста, сократите его на { $over } символов.
       *[other] Длина ответа в символах — { $length }, допустимо не более { $max }. Пожалуйста, сократите его на { $over } символа.
    }

## What the poll says about the browser's storage

storage-blocked = Ваш браузер не позволяет этой странице ничего сохранять, поэтому после ухода с неё ваши ответы не сохранятся. Ответить на вопросы опроса всё равно можно.
storage-full = Хранилище браузера для этого сайта заполнено, поэтому сохранить ваши ответы не удалось. Они останутся на странице, пока вы её не покинете.
storage-failed = Браузер не позволил этой странице сохранить ваши ответы, поэтому они останутся на ней лишь до тех пор, пока вы её не покинете.
storage-not-kept = Ваш браузер не сохраняет данные этой страницы (например, в режиме инкогнито или при заполненном хранилище), поэтому ответы сохранятся лишь до ухода со страницы.
storage-set-aside = Ранее сохранённые в этом браузере ответы прочитать не удалось, поэтому опрос начинается заново. Нечитаемая копия отложена, а не удалена.
storage-untouched = Ранее сохранённые в этом браузере ответы прочитать не удалось; они оставлены без изменений. Ответы, которые вы дадите сейчас, сохранятся лишь до ухода со страницы.
storage-newer = Ваши ответы сохранены более новой версией этой страницы: перезагрузите страницу, чтобы их увидеть. До тех пор ответы, данные здесь, сохраняться не будут.
storage-framed = Эта встроенная версия материала ничего не может сохранить, поэтому ваши ответы останутся только до ухода со страницы. Чтобы браузер их запомнил, откройте материал на отдельной странице.

## The poll's results (a story with a results service)

poll-results-heading = Как ответили читатели
# After a choice the reader made, in the results.
poll-results-mine = ваш ответ
poll-privacy-results = Конфиденциальность: ваши ответы хранятся в этом браузере и отправляются — под случайным номером вместо имени и без файлов куки — чтобы их посчитали вместе с ответами других читателей. То, что вы пишете в текстовом поле, читает только редакция, и это не публикуется.
# $count: readers who have answered the poll.
poll-results-readers =
    { $count ->
        [one] Пока ответил { $count } читатель.
        [few] Пока ответили { $count } читателя.
        [many] Пока ответили { $count } читателей.
       *[other] Пока ответили { $count } читателя.
    }
# A choice's share. $percent: of the readers who answered the question; $count: how many chose it.
poll-results-share = { $percent } % ({ $count })
poll-results-later = Ваши ответы сохранены в этом браузере. Результаты появятся, когда ответы дойдут до сервиса результатов.
poll-results-refused = Сервис результатов не принял эти ответы. Они по-прежнему сохранены в этом браузере.

## The "Embed this" panel

embed-heading = Встроить материал
embed-intro = Разместите этот материал или одну из его частей на своей странице: размер фрейма подстраивается под содержимое, а страницам, где используется pym.js, больше ничего не нужно.
embed-cms = WordPress встраивает эту страницу по одному её адресу; Ghost показывает адрес карточкой-ссылкой, а код ниже принимает в HTML-карточке.
embed-what = Что встроить
embed-whole = Весь материал
embed-part-missing = В этом материале нет такой части.
embed-format = Тип страницы
embed-format-html = Обычная веб-страница
embed-format-amp = AMP-страница
embed-code = Код для встраивания
embed-copy = Скопировать код для встраивания
embed-copied = Код для встраивания скопирован.
embed-copy-refused = Браузер не разрешил копирование. Выделите текст и скопируйте его вручную.
# The accessible name of an embedded part. $part: its heading; $page: the page's title.
embed-frame-title = { $part } — { $page }
embed-amp-head = Один раз подключите компонент AMP для фреймов в <head> страницы:
embed-amp-more = Показать полностью
