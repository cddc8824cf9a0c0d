/** Signs requests in, refuses what callers may not do; the session, token and account API. */
package dev.linkstream.accounts.boundary;
