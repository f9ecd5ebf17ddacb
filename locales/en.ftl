# Every word the explainer's page shows or says that is not the story's
# own: one file a language (Fluent syntax: https://projectfluent.org), chosen
# by the story's `language`. Each locale has every key below and no other
# (`cargo xtask build` checks, naming the file, key and locale); a story may
# override any key in its own `[strings]` table.
#
# Variables marked "runtime" are filled in the reader's browser, after an
# action; a select expression on a runtime number is written with the plural
# categories of the locale (`one`, `few`, `many`, `other`...), which the
# browser picks with `Intl.PluralRules`. Every other variable is filled when
# the page is built.

## The page

# The first link of the page, for keyboard users.
skip-link = Skip to the article
# Under the headline. $name, $role: from the story.
byline = By { $name }, { $role }

## The evergreen context

context-expand-all = Expand all
context-collapse-all = Collapse all
# Said after "Expand all" / "Collapse all". $count: the number of sections.
context-all-expanded =
    { $count ->
        [one] The section is expanded.
       *[other] All { $count } sections expanded.
    }
context-all-collapsed =
    { $count ->
        [one] The section is collapsed.
       *[other] All { $count } sections collapsed.
    }

## The timeline

# The timeline's heading when a story gives none of its own (`cargo xtask import` writes it).
timeline-heading = Timeline
# The list of a timeline's labelled periods (its eras).
timeline-eras = Periods
timeline-hint = Select a milestone for its details; arrow keys move between milestones.
# The legend of the sector filters.
timeline-filters = Show sectors
# After a sector's label on its filter: how many milestones it has.
timeline-filter-count = ({ $count })
# The marker of today's date on the axis.
timeline-today = Today
# The accessible name of the list of dated milestones.
timeline-dated = Dated milestones, in date order
# The heading of the milestones the story gives no date, and their date.
timeline-undated = No date given
timeline-empty = No milestones in the chosen sectors. Turn a sector back on to see its milestones.
# Said when a filter is turned on or off. $sector: its label; $shown
# (runtime): how many milestones are shown now; $total: how many there are.
timeline-sector-shown =
    { $total ->
        [one] { $sector } shown. Showing { $shown } of { $total } milestone.
       *[other] { $sector } shown. Showing { $shown } of { $total } milestones.
    }
timeline-sector-hidden =
    { $total ->
        [one] { $sector } hidden. Showing { $shown } of { $total } milestone.
       *[other] { $sector } hidden. Showing { $shown } of { $total } milestones.
    }
# Said when a milestone is selected. $title: its title; $when: its dates.
timeline-selected = { $title }, { $when }, selected.
timeline-selected-undated = { $title }, no date given, selected.

## A milestone's details

milestone-when = When
milestone-sector = Sector
milestone-status = Status
milestone-expected-impact = Expected impact
milestone-reported-outcome = Reported outcome
milestone-note = Note
# $passage: the passage of the story the dates come from.
milestone-source = From the story’s “{ $passage }” passage.
milestone-copy-link = Copy link to this milestone
milestone-link-copied = Link copied.
# When the browser refuses to copy. $link (runtime): the link.
milestone-link-not-copied = Your browser did not allow copying: select the link and copy it yourself: { $link }

## Dates
# $year: the year as the locale writes it.

# A date before the Common Era: $date is the date as its year is counted (3500).
date-bce = { $date } BCE
# A date in deep time: $years is the count in compact words (13.8 billion).
date-years-ago = { $years } years ago
date-season =
    { $season ->
        [spring] Spring { $year }
        [summer] Summer { $year }
        [autumn] Autumn { $year }
       *[winter] Winter { $year }
    }
# $quarter: 1 to 4.
date-quarter = Q{ $quarter } { $year }
# A span of two dates, and a start with no end.
when-span = { $start }–{ $end }
when-ongoing = From { $start }, ongoing
# A milestone's status. $when: its dates; $start: its start.
status-undated = No date given in the story
status-reported = Reported outcome for { $when }
status-scheduled = Scheduled: { $when }
status-upcoming = Scheduled to start { $start }
status-in-window = Scheduled for { $when }: in its window today
status-ongoing = Scheduled as ongoing from { $start }: in its window today
status-passed = Scheduled for { $when }: that window has passed; the story reports no outcome

## The poll

poll-noscript = The poll needs JavaScript. Turn it on to answer; your answers would stay in this browser.
poll-own-page = Open the explainer on its own page
poll-save = Save my answers
poll-cancel = Cancel changes
poll-your-answers = Your answers
poll-change = Change my answers
poll-clear = Clear my answers
poll-confirm = Clear your answers from this browser? This cannot be undone.
poll-confirm-yes = Yes, clear them
poll-confirm-no = No, keep them
poll-privacy = Privacy: your answers stay in this browser. Nothing is sent to us or anyone else, and no cookies are set.
# Under a question that takes several answers.
poll-choose-any = Choose any that apply.
# The label of a choice's own text box. $choice: the choice's label.
poll-other-label = Your “{ $choice }” answer
# In "Your answers", for a question not answered.
poll-no-answer = No answer
# Under a text box. $count (runtime): characters typed; $max: the limit.
poll-counter = { $count } / { $max } characters
# The same, over the limit. $over (runtime): how many too many.
poll-counter-over = { $count } / { $max } characters ({ $over } too many)
# Said once when the text goes over the limit.
poll-over-limit = Your answer is over the character limit.
poll-saved = Saved. Your answers are kept in this browser.
poll-saved-not-kept = Your answers are shown below, but could not be kept.
poll-saved-in-memory = Your answers are shown below. They will not be kept after you leave this page.
poll-cleared = Your answers were cleared.
poll-clear-failed = Your answers could not be removed from this browser.
poll-other-tab-changed = Your answers were changed in another tab. Saving here will replace them.
poll-other-tab-updated = Your answers were updated in another tab.
poll-other-tab-cleared = Your answers were cleared in another tab.
# Said when a save is refused for one problem. $problem (runtime): what it is.
poll-not-saved-one = Your answers were not saved. { $problem }
# The same for several. $count (runtime): how many.
poll-not-saved-many =
    { $count ->
        [one] Your answers were not saved: please fix the problem marked below.
       *[other] Your answers were not saved: please fix the { $count } problems marked below.
    }
poll-error-nothing = Answer at least one question, then save.
poll-error-unknown-choice = Choose from the answers listed.
poll-error-only-one = Choose only one answer.
# $choice: the label of the choice with its own text box.
poll-error-other-empty = You chose “{ $choice }”: say what it is, or untick it.
# $length (runtime): the answer's length; $max: the limit; $over (runtime): how many too many.
poll-error-too-long =
    { $over ->
        [one] This answer is { $length } characters long; the limit is { $max }. Please shorten it by { $over } character.
       *[other] This answer is { $length } characters long; the limit is { $max }. Please shorten it by { $over } characters.
    }

## What the poll says about the browser's storage

storage-blocked = Your browser is not letting this page store anything, so your answers will not be kept after you leave. You can still answer the poll.
storage-full = Your browser’s storage for this site is full, so your answers could not be kept. They stay on this page until you leave it.
storage-failed = Your browser did not let this page keep your answers, so they stay on this page only until you leave it.
storage-not-kept = Your browser is not keeping data for this page (as in private browsing, or with storage full), so your answers will last only until you leave the page.
storage-set-aside = Answers saved earlier in this browser could not be read, so the poll starts afresh. The unreadable copy was set aside, not deleted.
storage-untouched = Answers saved earlier in this browser could not be read, and were left as they are. Answers you give now will last only until you leave the page.
storage-newer = Your answers were saved by a newer version of this page: reload the page to see them. Until then, answers given here will not be kept.
storage-framed = This embedded copy of the explainer cannot keep anything, so your answers will last only until you leave the page. To keep them in your browser, open the explainer on its own page.

## The poll's results (a story with a results service)

poll-results-heading = How readers answered
# After a choice the reader made, in the results.
poll-results-mine = your answer
poll-privacy-results = Privacy: your answers are kept in this browser and sent, under a random number instead of your name and without cookies, to be counted with other readers’ answers. What you write in a text box is read by the newsroom and never published.
# $count: readers who have answered the poll.
poll-results-readers =
    { $count ->
        [one] { $count } reader has answered so far.
       *[other] { $count } readers have answered so far.
    }
# A choice's share. $percent: of the readers who answered the question; $count: how many chose it.
poll-results-share = { $percent }% ({ $count })
poll-results-later = Your answers are kept in this browser. The results will appear once your answers reach the results service.
poll-results-refused = The results service did not take these answers. They are still kept in this browser.

## The "Embed this" panel

embed-heading = Embed this
embed-intro = Put this explainer, or one of its parts, in your own page: the frame sizes itself to its content, and pages that use pym.js need nothing more.
embed-cms = WordPress embeds this page from its address alone; Ghost shows the address as a link card, and takes the code below in an HTML card.
embed-what = What to embed
embed-whole = The whole explainer
embed-part-missing = This story has no such part.
embed-format = Code for
embed-format-html = A web page
embed-format-amp = An AMP page
embed-code = Embed code
embed-copy = Copy embed code
embed-copied = Embed code copied.
embed-copy-refused = Your browser did not allow copying: select the text and copy it yourself.
# The accessible name of an embedded part. $part: its heading; $page: the page's title.
embed-frame-title = { $part } – { $page }
embed-amp-head = Load AMP’s frame component once, in the page’s <head>:
embed-amp-more = Show all
