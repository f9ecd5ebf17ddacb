# Arabic (Modern Standard). Every word the explainer's page shows or says
# that is not the story's own: one file a language (Fluent syntax:
# https://projectfluent.org), chosen by the story's `language`. Each locale
# has every key below and no other (`cargo xtask build` checks, naming the
# file, key and locale); a story may override any key in its own `[strings]`
# table.
#
# Variables marked "runtime" are filled in the reader's browser, after an
# action; a select expression on a runtime number is written with the plural
# categories of the locale (`zero`, `one`, `two`, `few`, `many`, `other`),
# which the browser picks with `Intl.PluralRules`. Every other variable is
# filled when the page is built.
#
# Translator notes (Arabic):
# - Arabic cardinal plural categories: zero (0), one (1), two (2), few (3-10,
#   103-110...), many (11-99, 111-199...), other (100, 101, 102... and
#   fractions). The counted noun follows them: one محطة واحدة, two
#   قسمان/قسمين, few plural (أقسام), many accusative singular (قسمًا), other
#   genitive singular (قسم).
# - A milestone is "محطة", a sector is "قطاع", a context section is "قسم".
# - Quotation marks are « ». The text is written right to left with no bidi
#   control characters.

## The page

# The first link of the page, for keyboard users.
skip-link = الانتقال إلى المقال
# Under the headline. $name, $role: from the story.
byline = بقلم { $name }، { $role }

## The evergreen context

context-expand-all = توسيع الكل
context-collapse-all = طي الكل
# Said after "Expand all" / "Collapse all". $count: the number of sections.
context-all-expanded =
    { $count ->
        [zero] لا توجد أقسام لتوسيعها.
        [one] تم توسيع القسم.
        [two] تم توسيع القسمين.
        [few] تم توسيع الأقسام كلها ({ $count } أقسام).
        [many] تم توسيع الأقسام كلها ({ $count } قسمًا).
       *[other] تم توسيع الأقسام كلها ({ $count } قسم).
    }
context-all-collapsed =
    { $count ->
        [zero] لا توجد أقسام لطيّها.
        [one] تم طي القسم.
        [two] تم طي القسمين.
        [few] تم طي الأقسام كلها ({ $count } أقسام).
        [many] تم طي الأقسام كلها ({ $count } قسمًا).
       *[other] تم طي الأقسام كلها ({ $count } قسم).
    }

## The timeline

# The timeline's heading when a story gives none of its own (`cargo xtask import` writes it).
timeline-heading = الخط الزمني
# The list of a timeline's labelled periods (its eras).
timeline-eras = الحقب
timeline-hint = اختر محطة لعرض تفاصيلها، وتنقّل بين المحطات بمفاتيح الأسهم.
# The legend of the sector filters.
timeline-filters = عرض القطاعات
# After a sector's label on its filter: how many milestones it has.
timeline-filter-count = ({ $count })
# The marker of today's date on the axis.
timeline-today = اليوم
# The accessible name of the list of dated milestones.
timeline-dated = المحطات المؤرخة، مرتبة بحسب التاريخ
# The heading of the milestones the story gives no date, and their date.
timeline-undated = دون تاريخ محدد
timeline-empty = لا توجد محطات في القطاعات المختارة. أعد تفعيل أحد القطاعات لعرض محطاته.
# Said when a filter is turned on or off. $sector: its label; $shown
# (runtime): how many milestones are shown now; $total: how many there are.
# The select agrees "محطة" with $total.
timeline-sector-shown =
    { $total ->
        [zero] تم إظهار قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطة.
        [one] تم إظهار قطاع «{ $sector }». تُعرض { $shown } من أصل محطة واحدة.
        [two] تم إظهار قطاع «{ $sector }». تُعرض { $shown } من أصل محطتين.
        [few] تم إظهار قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطات.
        [many] تم إظهار قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطة.
       *[other] تم إظهار قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطة.
    }
timeline-sector-hidden =
    { $total ->
        [zero] تم إخفاء قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطة.
        [one] تم إخفاء قطاع «{ $sector }». تُعرض { $shown } من أصل محطة واحدة.
        [two] تم إخفاء قطاع «{ $sector }». تُعرض { $shown } من أصل محطتين.
        [few] تم إخفاء قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطات.
        [many] تم إخفاء قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطة.
       *[other] تم إخفاء قطاع «{ $sector }». تُعرض { $shown } من أصل { $total } محطة.
    }
# Said when a milestone is selected. $title: its title; $when: its dates.
timeline-selected = تم تحديد: { $title }، { $when }.
timeline-selected-undated = تم تحديد: { $title }، دون تاريخ محدد.

## A milestone's details

milestone-when = التوقيت
milestone-sector = القطاع
milestone-status = الحالة
milestone-expected-impact = الأثر المتوقع
milestone-reported-outcome = النتيجة المعلنة
milestone-note = ملاحظة
# $passage: the passage of the story the dates come from (a section title or
# a table caption).
milestone-source = المصدر: فقرة «{ $passage }» في المقال.
milestone-copy-link = نسخ رابط هذه المحطة
milestone-link-copied = تم نسخ الرابط.
# When the browser refuses to copy. $link (runtime): the link.
milestone-link-not-copied = لم يسمح متصفحك بالنسخ: حدّد الرابط وانسخه بنفسك: { $link }

## Dates
# $year: the year as the locale writes it (for Arabic, just the digits:
# "2026"). Winter is the winter that begins in December of $year.

# A date before the Common Era: $date is the date as its year is counted (3500).
date-bce = { $date } ق.م
# A date in deep time: $years is the count in compact words (13.8 billion).
date-years-ago = قبل { $years } سنة
date-season =
    { $season ->
        [spring] ربيع { $year }
        [summer] صيف { $year }
        [autumn] خريف { $year }
       *[winter] شتاء { $year }
    }
# $quarter: 1 to 4, written as an ordinal word: "الربع الثاني 2026". The
# numeric keys [1] to [4] match the number exactly; the default is only a
# fallback.
date-quarter =
    { $quarter ->
        [1] الربع الأول { $year }
        [2] الربع الثاني { $year }
        [3] الربع الثالث { $year }
        [4] الربع الرابع { $year }
       *[other] الربع { $quarter } من { $year }
    }
# A span of two dates, and a start with no end (spaced dash, as CLDR writes
# Arabic ranges).
when-span = { $start } – { $end }
when-ongoing = اعتبارًا من { $start }، مستمر
# A milestone's status. $when: its dates; $start: its start.
status-undated = لم يذكر المقال تاريخًا
status-reported = نتيجة معلنة عن { $when }
status-scheduled = الموعد المقرر: { $when }
status-upcoming = موعد البدء المقرر: { $start }
status-in-window = الموعد المقرر: { $when }، والفترة جارية حاليًا
status-ongoing = الموعد المقرر: اعتبارًا من { $start } دون تاريخ انتهاء، والفترة جارية حاليًا
status-passed = الموعد المقرر: { $when }، وقد انقضت هذه الفترة دون أن يذكر المقال أي نتيجة

## The poll

poll-noscript = يتطلب الاستطلاع تفعيل JavaScript. فعّلها للإجابة، وستبقى إجاباتك في هذا المتصفح.
poll-own-page = افتح الشرح في صفحته المستقلة
poll-save = حفظ إجاباتي
poll-cancel = إلغاء التغييرات
poll-your-answers = إجاباتك
poll-change = تعديل إجاباتي
poll-clear = مسح إجاباتي
poll-confirm = هل تريد مسح إجاباتك من هذا المتصفح؟ لا يمكن التراجع عن ذلك.
poll-confirm-yes = نعم، امسحها
poll-confirm-no = لا، احتفظ بها
poll-privacy = الخصوصية: تبقى إجاباتك في هذا المتصفح. لا يُرسَل أي شيء إلينا أو إلى أي جهة أخرى، ولا تُستخدم ملفات تعريف الارتباط.
# Under a question that takes several answers.
poll-choose-any = اختر كل ما ينطبق.
# The label of a choice's own text box. $choice: the choice's label.
poll-other-label = إجابتك عن «{ $choice }»
# In "Your answers", for a question not answered.
poll-no-answer = لا توجد إجابة
# Under a text box. $count (runtime): characters typed; $max: the limit.
# Arabic needs a select (English has none): "حرف" agrees with $max.
poll-counter =
    { $max ->
        [zero] { $count } / { $max } حرف
        [one] { $count } / { $max } حرف
        [two] { $count } / { $max } حرفان
        [few] { $count } / { $max } أحرف
        [many] { $count } / { $max } حرفًا
       *[other] { $count } / { $max } حرف
    }
# The same, over the limit. $over (runtime): how many too many.
# The select agrees "حرف" with $max, as above.
poll-counter-over =
    { $max ->
        [zero] { $count } / { $max } حرف (تجاوز الحد بمقدار { $over })
        [one] { $count } / { $max } حرف (تجاوز الحد بمقدار { $over })
        [two] { $count } / { $max } حرفان (تجاوز الحد بمقدار { $over })
        [few] { $count } / { $max } أحرف (تجاوز الحد بمقدار { $over })
        [many] { $count } / { $max } حرفًا (تجاوز الحد بمقدار { $over })
       *[other] { $count } / { $max } حرف (تجاوز الحد بمقدار { $over })
    }
# Said once when the text goes over the limit.
poll-over-limit = تجاوزت إجابتك الحد الأقصى لعدد الأحرف.
poll-saved = تم الحفظ. إجاباتك محفوظة في هذا المتصفح.
poll-saved-not-kept = إجاباتك معروضة أدناه، لكن تعذّر حفظها.
poll-saved-in-memory = إجاباتك معروضة أدناه، ولن تُحفظ بعد مغادرتك هذه الصفحة.
poll-cleared = تم مسح إجاباتك.
poll-clear-failed = تعذّر حذف إجاباتك من هذا المتصفح.
poll-other-tab-changed = عُدّلت إجاباتك في علامة تبويب أخرى، وسيؤدي الحفظ هنا إلى استبدالها.
poll-other-tab-updated = حُدّثت إجاباتك في علامة تبويب أخرى.
poll-other-tab-cleared = مُسحت إجاباتك في علامة تبويب أخرى.
# Said when a save is refused for one problem. $problem (runtime): what it is.
poll-not-saved-one = لم تُحفظ إجاباتك. { $problem }
# The same for several. $count (runtime): how many.
poll-not-saved-many =
    { $count ->
        [zero] لم تُحفظ إجاباتك: يُرجى تصحيح المشكلات المشار إليها أدناه.
        [one] لم تُحفظ إجاباتك: يُرجى تصحيح المشكلة المشار إليها أدناه.
        [two] لم تُحفظ إجاباتك: يُرجى تصحيح المشكلتين المشار إليهما أدناه.
        [few] لم تُحفظ إجاباتك: يُرجى تصحيح { $count } مشكلات مشار إليها أدناه.
        [many] لم تُحفظ إجاباتك: يُرجى تصحيح { $count } مشكلة مشار إليها أدناه.
       *[other] لم تُحفظ إجاباتك: يُرجى تصحيح { $count } مشكلة مشار إليها أدناه.
    }
poll-error-nothing = أجب عن سؤال واحد على الأقل، ثم احفظ.
poll-error-unknown-choice = اختر من الإجابات المعروضة.
poll-error-only-one = اختر إجابة واحدة فقط.
# $choice: the label of the choice with its own text box.
poll-error-other-empty = اخترت «{ $choice }»: وضّح ما تقصده، أو ألغِ التحديد.
# $length (runtime): the answer's length; $max: the limit; $over (runtime): how many too many.
# $length and $max stand without a counted noun, so only the noun after
# $over agrees.
poll-error-too-long =
    { $over ->
        [zero] عدد أحرف هذه الإجابة { $length }، والحد الأقصى { $max }. يُرجى اختصارها.
        [one] عدد أحرف هذه الإجابة { $length }، والحد الأقصى { $max }. يُرجى اختصارها بمقدار حرف واحد.
        [two] عدد أحرف هذه الإجابة { $length }، والحد الأقصى { $max }. يُرجى اختصارها بمقدار حرفين.
        [few] عدد أحرف هذه الإجابة { $length }، والحد الأقصى { $max }. يُرجى اختصارها بمقدار { $over } أحرف.
        [many] عدد أحرف هذه الإجابة { $length }، والحد الأقصى { $max }. يُرجى اختصارها بمقدار { $over } حرفًا.
       *[other] عدد أحرف هذه الإجابة { $length }، والحد الأقصى { $max }. يُرجى اختصارها بمقدار { $over } حرف.
    }

## What the poll says about the browser's storage

storage-blocked = لا يسمح متصفحك لهذه الصفحة بتخزين أي بيانات، لذا لن تُحفظ إجاباتك بعد مغادرتك. ولا يزال بإمكانك المشاركة في الاستطلاع.
storage-full = مساحة التخزين المخصصة لهذا الموقع في متصفحك ممتلئة، لذا تعذّر حفظ إجاباتك. وستبقى في هذه الصفحة حتى تغادرها.
storage-failed = لم يسمح متصفحك لهذه الصفحة بحفظ إجاباتك، لذا ستبقى فيها فقط حتى تغادرها.
storage-not-kept = لا يحتفظ متصفحك ببيانات هذه الصفحة (كما في وضع التصفح الخاص أو عند امتلاء مساحة التخزين)، لذا ستبقى إجاباتك فقط حتى تغادر الصفحة.
storage-set-aside = تعذّرت قراءة الإجابات المحفوظة سابقًا في هذا المتصفح، لذا يبدأ الاستطلاع من جديد. وقد وُضعت النسخة غير المقروءة جانبًا ولم تُحذف.
storage-untouched = تعذّرت قراءة الإجابات المحفوظة سابقًا في هذا المتصفح، فتُركت على حالها. أما الإجابات التي تقدّمها الآن فستبقى فقط حتى تغادر الصفحة.
storage-newer = حُفظت إجاباتك بواسطة إصدار أحدث من هذه الصفحة: أعد تحميل الصفحة لرؤيتها. وحتى ذلك الحين، لن تُحفظ الإجابات المقدّمة هنا.
storage-framed = لا تستطيع هذه النسخة المضمّنة من الشرح حفظ أي شيء، لذا ستبقى إجاباتك فقط إلى أن تغادر الصفحة. لكي يحفظها متصفحك، افتح الشرح في صفحته المستقلة.

## The poll's results (a story with a results service)

poll-results-heading = كيف أجاب القرّاء
# After a choice the reader made, in the results.
poll-results-mine = إجابتك
poll-privacy-results = الخصوصية: تُحفظ إجاباتك في هذا المتصفح وتُرسَل، برقم عشوائي بدل اسمك ومن دون ملفات تعريف الارتباط، لتُحصى مع إجابات القرّاء الآخرين. ما تكتبه في مربع النص يقرؤه فريق التحرير فقط ولا يُنشر.
# $count: readers who have answered the poll.
poll-results-readers =
    { $count ->
        [zero] لم يُجب أي قارئ حتى الآن.
        [one] أجاب قارئ واحد حتى الآن.
        [two] أجاب قارئان حتى الآن.
        [few] أجاب { $count } قرّاء حتى الآن.
        [many] أجاب { $count } قارئًا حتى الآن.
       *[other] أجاب { $count } قارئ حتى الآن.
    }
# A choice's share. $percent: of the readers who answered the question; $count: how many chose it.
poll-results-share = { $percent }٪ ({ $count })
poll-results-later = إجاباتك محفوظة في هذا المتصفح. ستظهر النتائج عندما تصل إجاباتك إلى خدمة النتائج.
poll-results-refused = لم تقبل خدمة النتائج هذه الإجابات. ما زالت محفوظة في هذا المتصفح.

## The "Embed this" panel

embed-heading = تضمين هذا المحتوى
embed-intro = يمكنك وضع هذا الشرح، أو أحد أجزائه، في صفحتك: يضبط الإطار حجمه تلقائيًا وفق محتواه، ولا تحتاج الصفحات التي تستخدم pym.js إلى أي إعداد إضافي.
embed-cms = يضمّن WordPress هذه الصفحة من عنوانها وحده؛ أما Ghost فيعرض العنوان بطاقةَ رابط، ويقبل الرمز أدناه في بطاقة HTML.
embed-what = ما الذي تريد تضمينه
embed-whole = الشرح كاملًا
embed-part-missing = هذه القصة لا تتضمن هذا الجزء.
embed-format = نوع الصفحة
embed-format-html = صفحة ويب عادية
embed-format-amp = صفحة AMP
embed-code = رمز التضمين
embed-copy = نسخ رمز التضمين
embed-copied = تم نسخ رمز التضمين.
embed-copy-refused = لم يسمح متصفحك بالنسخ: حدّد النص وانسخه بنفسك.
# The accessible name of an embedded part. $part: its heading; $page: the page's title.
embed-frame-title = { $part } – { $page }
embed-amp-head = حمّل مكوّن الإطارات الخاص بـ AMP مرة واحدة داخل <head> في الصفحة:
embed-amp-more = عرض الكل
