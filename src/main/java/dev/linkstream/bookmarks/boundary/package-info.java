/** The HTTP API for taking every link out as a bookmark file, and bringing bookmark files in. */
package dev.linkstream.bookmarks.boundary;
