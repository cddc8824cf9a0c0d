-- A pending link's fetch as claimed by one instance: which (claimed_by), until when its claim holds
-- (lease_until, the database's clock), and a counter raised by every claim and every refetch
-- (lease). A result is recorded only under the counter its fetch was claimed with, so a late one
-- from an instance whose claim ran out, or from before a refetch, changes nothing. lease_until
-- without claimed_by is a retry's delay: no instance claims the link before it.
ALTER TABLE links ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE links ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE links ADD COLUMN lease BIGINT DEFAULT 0 NOT NULL;
-- Attempts made at the current fetch, so that retries count across instances.
ALTER TABLE links ADD COLUMN fetch_attempts INTEGER DEFAULT 0 NOT NULL;
-- The claimable: a person's links by id, an import's by import and id.
CREATE INDEX links_pending ON links (status, import_id, id);
