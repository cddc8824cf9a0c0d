-- Where a link is in its reader's work: unread when it arrives, then read, or archived. Links
-- stored before this version count as unread: nobody has marked them yet.
ALTER TABLE links ADD COLUMN state VARCHAR(16) DEFAULT 'unread' NOT NULL;

-- The inbox's views read one or two states newest first, and the counts group by state.
CREATE INDEX links_state_newest_first ON links (state, id DESC);
