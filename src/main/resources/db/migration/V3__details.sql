-- What a fetched document says about itself beyond its title (description, site name, canonical,
-- image and icon URLs, page count), as one JSON object: new kinds of detail need no migration.
ALTER TABLE links ADD COLUMN details VARCHAR(12000);

-- Newest first is how every page reads links. H2 may not walk the primary key backwards for
-- ORDER BY id DESC (measured: once this table was altered it read all 100,000 rows for a page of
-- 50); a descending index makes the first page read 50 rows on every database.
CREATE INDEX links_newest_first ON links (id DESC);
