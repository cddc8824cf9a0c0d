package dev.linkstream.bookmarks.entity;

import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.ImportProblem;
import java.util.List;

/** What a bookmark file holds: the bookmarks that can be links, and the entries that cannot. */
public record BookmarkFile(List<Bookmark> bookmarks, List<ImportProblem> problems) {

  public BookmarkFile {
    bookmarks = List.copyOf(bookmarks);
    problems = List.copyOf(problems);
  }
}
