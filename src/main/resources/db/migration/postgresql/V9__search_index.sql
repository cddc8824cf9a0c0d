-- The search words as a full-text document, one lexeme per word taken as it is (the application has
-- already made them alike), and an index of it, so that a search reads the few links that have
-- every word it asks for rather than all of them. Stored rather than an index on the expression:
-- reading the newest links for a common word tests each one's document, and making it from the
-- text takes ~20 µs a link.
ALTER TABLE link_search ADD COLUMN search_words tsvector GENERATED ALWAYS AS
  (array_to_tsvector(array_remove(regexp_split_to_array(search_text, '[ |]+'), ''))) STORED;

CREATE INDEX link_search_words ON link_search USING GIN (search_words);
