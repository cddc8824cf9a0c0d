-- Accounts, their sessions and their API tokens. No secret is stored: a session's cookie and a
-- token's secret are kept as their SHA-256 only, a password as its PBKDF2 hash.
CREATE TABLE accounts (
  name VARCHAR(64) PRIMARY KEY,
  role VARCHAR(16) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sessions (
  id VARCHAR(32) PRIMARY KEY,
  secret_hash CHAR(64) NOT NULL,
  account VARCHAR(64) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sessions_secret_unique UNIQUE (secret_hash)
);

CREATE TABLE tokens (
  id VARCHAR(32) PRIMARY KEY,
  secret_hash CHAR(64) NOT NULL,
  account VARCHAR(64) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name VARCHAR(100) NOT NULL,
  scope VARCHAR(8) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  expires_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX sessions_account ON sessions (account);
CREATE INDEX tokens_account ON tokens (account);
