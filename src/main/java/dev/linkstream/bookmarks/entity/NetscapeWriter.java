package dev.linkstream.bookmarks.entity;

import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkState;

/**
 * Links as a Netscape bookmark file, the format Chrome, Firefox, Safari, linkding and Karakeep
 * import: one {@code <DT><A>} per link, its tags in {@code TAGS}, its state in {@code TOREAD} and
 * {@code ARCHIVED}, and its note in the {@code <DD>} after it.
 */
public final class NetscapeWriter {

  public static final String MEDIA_TYPE = "text/html; charset=UTF-8";

  public static final String HEADER =
      """
      <!DOCTYPE NETSCAPE-Bookmark-file-1>
      <!-- This is an automatically generated file.
           It will be read and overwritten.
           DO NOT EDIT! -->
      <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
      <TITLE>Bookmarks</TITLE>
      <H1>Bookmarks</H1>
      <DL><p>
      """;

  public static final String FOOTER = "</DL><p>\n";

  private NetscapeWriter() {}

  /** The link's lines, as they stand in the file's list. */
  public static String entry(Link link) {
    String title = link.edits().title() != null ? link.edits().title() : link.title();
    StringBuilder entry =
        new StringBuilder("    <DT><A HREF=\"")
            .append(escaped(link.url()))
            .append("\" ADD_DATE=\"")
            .append(link.submittedAt().getEpochSecond())
            .append("\" LAST_MODIFIED=\"")
            .append(link.updatedAt().getEpochSecond())
            .append("\" TAGS=\"")
            .append(escaped(String.join(",", link.edits().tags().names())))
            .append("\" TOREAD=\"")
            .append(link.state() == LinkState.UNREAD ? 1 : 0)
            .append('"');
    if (link.state() == LinkState.ARCHIVED) {
      entry.append(" ARCHIVED=\"1\"");
    }
    entry.append(">").append(title == null ? "" : escaped(title)).append("</A>\n");
    if (link.edits().note() != null) {
      entry.append("    <DD>").append(escaped(link.edits().note())).append('\n');
    }
    return entry.toString();
  }

  static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
