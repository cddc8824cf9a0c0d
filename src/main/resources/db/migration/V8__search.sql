-- The words a search finds a link by: its title, description, URL, note and tags in lower case and
-- without accents, each word between spaces and the fields apart (" new york | city "), made by the
-- application so that both databases match alike. Null until the application has written it, which
-- it does for every link at its first start after this migration.
ALTER TABLE links ADD COLUMN search_text VARCHAR(60000);
