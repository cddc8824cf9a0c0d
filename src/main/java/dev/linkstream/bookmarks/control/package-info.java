/** Storing an imported bookmark file's links a chunk at a time, and queueing their fetches. */
package dev.linkstream.bookmarks.control;
