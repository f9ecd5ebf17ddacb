-- The purge after `--keep-days` finds the readers who last saved before its
-- cutoff by this index, so it reads only theirs: without it each purge (at
-- start, then hourly) read every reader's row, a pause for everyone else's
-- answers on a story that a million readers answered.
CREATE INDEX readers_saved_at ON readers (saved_at);
