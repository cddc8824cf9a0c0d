/** Test fixtures shared by the unit and integration tests: a throwaway PostgreSQL server. */
package dev.linkstream.testing;
