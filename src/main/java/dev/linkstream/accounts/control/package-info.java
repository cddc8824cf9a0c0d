/** Keeps accounts, sessions and tokens, checks passwords and limits failed sign-ins. */
package dev.linkstream.accounts.control;
