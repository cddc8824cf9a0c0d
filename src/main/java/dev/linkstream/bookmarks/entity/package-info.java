/** Bookmark files in the Netscape format that browsers and link savers read and write. */
package dev.linkstream.bookmarks.entity;
