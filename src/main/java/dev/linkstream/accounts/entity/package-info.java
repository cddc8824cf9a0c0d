/** Accounts, their roles, API tokens and the caller a request was made by. */
package dev.linkstream.accounts.entity;
