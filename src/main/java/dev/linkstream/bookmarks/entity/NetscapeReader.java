package dev.linkstream.bookmarks.entity;

import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.ImportProblem;
import dev.linkstream.links.entity.LinkState;
import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.entity.Text;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a Netscape bookmark file as browsers and link savers write it: each {@code <A HREF>} a
 * bookmark, with the names of the folders ({@code <H3>}) it is in and its {@code TAGS} as tags, its
 * {@code ADD_DATE}, its {@code <DD>} as the note, {@code TOREAD} and {@code ARCHIVED} as its state.
 * Pocket's export, a list under the headings "Unread" and "Read Archive", reads the same way.
 */
public final class NetscapeReader implements NodeVisitor {

  private static final String DOCTYPE = "<!DOCTYPE NETSCAPE-Bookmark-file-1>";
  private static final Pattern LIST_OPENS = Pattern.compile("(?i)<dl[\\s>]");
  private static final Pattern LIST_CLOSES = Pattern.compile("(?i)</dl\\s*>");
  // The folders a browser makes itself: every bookmark is in one, so none is a tag.
  private static final List<String> ROOT_FOLDERS =
      List.of("personal_toolbar_folder", "unfiled_bookmarks_folder");
  private static final int MAX_TITLE = 300;
  private static final int MAX_NOTE = 10_000;

  private final List<Bookmark> bookmarks = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();
  private final Deque<String> folders = new ArrayDeque<>();
  private String folder;
  private Element last;
  private boolean archive;

  private NetscapeReader() {}

  /**
   * @throws IllegalArgumentException when the text is not a bookmark file, or is cut short
   */
  public static BookmarkFile read(String text) {
    if (!text.stripLeading().regionMatches(true, 0, DOCTYPE, 0, DOCTYPE.length())
        && !isPocketExport(text)) {
      throw new IllegalArgumentException(
          "this is not a bookmark file: one starts with " + DOCTYPE + ", as browsers write it");
    }
    if (LIST_OPENS.matcher(text).results().count() > LIST_CLOSES.matcher(text).results().count()) {
      throw new IllegalArgumentException(
          "the bookmark file ends before its lists do: it seems cut short; nothing was imported");
    }
    NetscapeReader reader = new NetscapeReader();
    Jsoup.parse(text).traverse(reader);
    return new BookmarkFile(reader.bookmarks, reader.problems);
  }

  private static boolean isPocketExport(String text) {
    Document page = Jsoup.parse(text);
    return "Pocket Export".equals(page.title().strip()) && !page.select("a[href]").isEmpty();
  }

  @Override
  public void head(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.normalName()) {
      case "h1" -> archive = "Read Archive".equalsIgnoreCase(element.text().strip());
      case "h3" -> {
        folder = isRoot(element) ? null : element.text();
        last = null;
      }
      case "dl" -> {
        folders.push(folder == null ? "" : folder);
        folder = null;
      }
      case "a" -> {
        if (element.hasAttr("href")) {
          add(element);
        }
      }
      case "dd" -> note(element);
      default -> {
        // everything else is layout
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element element && "dl".equals(element.normalName())) {
      folders.pop();
    }
  }

  private static boolean isRoot(Element heading) {
    return ROOT_FOLDERS.stream().anyMatch(heading::hasAttr);
  }

  private void add(Element anchor) {
    last = null;
    String href = anchor.attr("href");
    String title = Text.oneLine(anchor.text());
    SubmittedUrl url;
    try {
      url = SubmittedUrl.parse(href);
    } catch (IllegalArgumentException e) {
      problems.add(
          new ImportProblem(title.isEmpty() ? href : title + " (" + href + ")", e.getMessage()));
      return;
    }
    List<String> tags = new ArrayList<>(folders.stream().filter(name -> !name.isEmpty()).toList());
    String tagged = anchor.hasAttr("tags") ? anchor.attr("tags") : "";
    tags.addAll(Arrays.asList(tagged.split(",")));
    bookmarks.add(
        new Bookmark(
            url,
            title.isEmpty() ? null : Text.cut(title, MAX_TITLE),
            addedAt(anchor),
            Tags.lenient(tags),
            null,
            state(anchor)));
    last = anchor;
  }

  private void note(Element description) {
    if (last == null || bookmarks.isEmpty()) {
      return;
    }
    String note = Text.lines(description.wholeOwnText());
    Bookmark bookmark = bookmarks.remove(bookmarks.size() - 1);
    bookmarks.add(
        new Bookmark(
            bookmark.url(),
            bookmark.title(),
            bookmark.addedAt(),
            bookmark.tags(),
            note.isEmpty() ? null : Text.cut(note, MAX_NOTE),
            bookmark.state()));
    last = null;
  }

  private LinkState state(Element anchor) {
    if (archive || "1".equals(anchor.attr("archived"))) {
      return LinkState.ARCHIVED;
    }
    return "0".equals(anchor.attr("toread")) ? LinkState.READ : LinkState.UNREAD;
  }

  /**
   * Seconds since 1970, as browsers write it; Pocket's {@code time_added} too. Some tools write
   * milliseconds or microseconds, told apart by size: no bookmark is from after the year 5000.
   */
  private static Instant addedAt(Element anchor) {
    String text = anchor.hasAttr("add_date") ? anchor.attr("add_date") : anchor.attr("time_added");
    try {
      long value = Long.parseLong(text.strip());
      if (value <= 0) {
        return null;
      }
      if (value < 100_000_000_000L) {
        return Instant.ofEpochSecond(value);
      }
      return value < 100_000_000_000_000L
          ? Instant.ofEpochMilli(value)
          : Instant.ofEpochMilli(value / 1_000);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
