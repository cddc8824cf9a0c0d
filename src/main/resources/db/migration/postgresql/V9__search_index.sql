-- A full-text index of the search words, one lexeme per word taken as it is (the application has
-- already made them alike), so that a search reads the few links that have every word it asks for
-- rather than all of them. Searches repeat this expression exactly, which is how PostgreSQL knows
-- the index serves them.
CREATE INDEX links_search ON links
  USING GIN (array_to_tsvector(array_remove(regexp_split_to_array(search_text, '[ |]+'), '')));
