-- Readers' answers, one set per reader and story. Written so SQLite and
-- PostgreSQL run it as it is. No IP address, cookie or user agent is kept:
-- a reader is the random id their browser made.

-- Who answered a story's poll, and when they last saved (for the purge
-- after the retention period).
CREATE TABLE readers (
    story TEXT NOT NULL,
    reader TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (story, reader)
);

-- Which questions each reader answered.
CREATE TABLE answered (
    story TEXT NOT NULL,
    reader TEXT NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (story, reader, question)
);

-- The choices each reader made.
CREATE TABLE choices (
    story TEXT NOT NULL,
    reader TEXT NOT NULL,
    question TEXT NOT NULL,
    choice TEXT NOT NULL,
    PRIMARY KEY (story, reader, question, choice)
);
CREATE INDEX choices_tally ON choices (story, question, choice);

-- Free text ("Other" boxes and text questions): for the newsroom's export,
-- never published.
CREATE TABLE texts (
    story TEXT NOT NULL,
    reader TEXT NOT NULL,
    question TEXT NOT NULL,
    field TEXT NOT NULL,
    body TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (story, reader, question, field)
);
