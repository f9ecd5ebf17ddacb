-- Each story's counts, kept up to date as answers change (so reading the
-- results never recounts the rows): readers (question and choice ''),
-- readers who answered a question (choice ''), readers who chose a choice.
-- A count is spread over a few slots, summed on read, so a popular choice
-- is not one row that every write waits for; a slot may go below zero
-- (a reader's answer added in one slot and taken back in another).
CREATE TABLE tallies (
    story TEXT NOT NULL,
    question TEXT NOT NULL,
    choice TEXT NOT NULL,
    slot BIGINT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (story, question, choice, slot)
);

-- A database written by the release before: its tallies, counted once.
INSERT INTO tallies (story, question, choice, slot, count)
    SELECT story, '', '', 0, COUNT(*) FROM readers GROUP BY story;
INSERT INTO tallies (story, question, choice, slot, count)
    SELECT story, question, '', 0, COUNT(*) FROM answered GROUP BY story, question;
INSERT INTO tallies (story, question, choice, slot, count)
    SELECT story, question, choice, 0, COUNT(*) FROM choices GROUP BY story, question, choice;
