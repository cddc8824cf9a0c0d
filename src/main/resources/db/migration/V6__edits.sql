-- What a person wrote about a link: their own title (at most 300 characters) and description (at
-- most 500), kept over what every fetch finds, and a note (at most 10,000). Sized in UTF-16 units,
-- which H2 counts, for characters outside the Basic Multilingual Plane.
ALTER TABLE links ADD COLUMN own_title VARCHAR(1000);
ALTER TABLE links ADD COLUMN own_description VARCHAR(2000);
ALTER TABLE links ADD COLUMN note VARCHAR(20000);

-- An event carries the whole link, and now its note: 16,000 no longer holds the largest. SET DATA
-- TYPE is how both H2 and PostgreSQL say it.
ALTER TABLE link_events ALTER COLUMN data SET DATA TYPE VARCHAR(100000);
