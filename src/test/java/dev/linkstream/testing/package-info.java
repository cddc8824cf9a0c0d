/**
 * Test fixtures shared by the unit and integration tests: a throwaway PostgreSQL server, web
 * origins on loopback and the documents they serve.
 */
package dev.linkstream.testing;
