-- Every change of a link, as the stream sends it, for replay after a reconnect or a restart.
CREATE TABLE link_events (
  id BIGINT PRIMARY KEY,
  name VARCHAR(32) NOT NULL,
  link_id BIGINT NOT NULL,
  data VARCHAR(16000) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row, locked by every transaction that writes an event until it commits: event ids are then
-- handed out in commit order, so a reader that has seen id n never later finds a new id below n.
CREATE TABLE event_sequence (
  last_id BIGINT NOT NULL
);
INSERT INTO event_sequence (last_id) VALUES (0);
