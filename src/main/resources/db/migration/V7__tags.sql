-- A link's tags, each in lower case, 1 to 50 characters (100 UTF-16 units, which H2 counts).
CREATE TABLE link_tags (
  link_id BIGINT NOT NULL REFERENCES links (id) ON DELETE CASCADE,
  tag VARCHAR(100) NOT NULL,
  PRIMARY KEY (link_id, tag)
);

-- Which links have a tag: the filters, the counts, renaming and removing a tag.
CREATE INDEX link_tags_by_tag ON link_tags (tag, link_id);
