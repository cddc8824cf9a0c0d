package dev.linkstream.bench;

import dev.linkstream.bookmarks.entity.BookmarkFile;
import dev.linkstream.bookmarks.entity.NetscapeReader;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.control.StandaloneStore;
import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.Import;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An import of a large bookmark file, as the importer does it without HTTP: how long reading the
 * file takes (before the answer {@code 202}) and storing every link after it, in chunks of 200, on
 * each database. Each database gets a fresh one for every round; the first round warms up.
 */
final class ImportBenchmark {

  private static final int ROUNDS = 3;
  // As Importer.CHUNK: each chunk's links and progress are one transaction.
  private static final int CHUNK = 200;

  private ImportBenchmark() {}

  static String run(int count, Path dir) throws Exception {
    String file = file(count);
    StringBuilder report =
        new StringBuilder("# Importing ")
            .append(String.format(Locale.ROOT, "%,d", count))
            .append(" bookmarks\n\nA file of ")
            .append(String.format(Locale.ROOT, "%,d", file.getBytes(StandardCharsets.UTF_8).length))
            .append(" bytes, 100 bookmarks to a folder, each with a date, two tags and a note.")
            .append(
                " Round 1 warms up.\n\n| Database | Round | Read ms | Stored ms |\n|---|--:|--:|--:|\n");
    for (Databases kind : Databases.values()) {
      for (int round = 1; round <= ROUNDS; round++) {
        report.append(measure(kind, round, file, dir));
      }
    }
    Files.writeString(dir.resolve("import.md"), report, StandardCharsets.UTF_8);
    return report.toString();
  }

  private static String measure(Databases kind, int round, String file, Path dir) throws Exception {
    Path data =
        Files.createTempDirectory(dir, "import-" + kind.name().toLowerCase(Locale.ROOT) + "-");
    Database database = kind.open(data);
    try {
      LinkStore store = StandaloneStore.on(database);
      long start = System.nanoTime();
      BookmarkFile read = NetscapeReader.read(file);
      long parsed = System.nanoTime();
      Import started = store.startImport(read.bookmarks().size(), read.problems());
      List<Bookmark> bookmarks = read.bookmarks();
      for (int from = 0; from < bookmarks.size(); from += CHUNK) {
        store.importSome(
            started.id(), bookmarks.subList(from, Math.min(bookmarks.size(), from + CHUNK)));
      }
      long stored = System.nanoTime();
      if (!store.findImport(started.id()).orElseThrow().stored()) {
        throw new IllegalStateException("the import did not store every bookmark");
      }
      return "| "
          + kind
          + " | "
          + round
          + " | "
          + (parsed - start) / 1_000_000
          + " | "
          + (stored - parsed) / 1_000_000
          + " |\n";
    } finally {
      Databases.close(database);
      SearchBenchmark.delete(data);
    }
  }

  private static String file(int count) {
    StringBuilder file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
    for (int i = 0; i < count; i++) {
      if (i % 100 == 0) {
        file.append(i == 0 ? "" : "</DL><p>\n")
            .append("<DT><H3>Folder ")
            .append(i / 100)
            .append("</H3>\n<DL><p>\n");
      }
      file.append("<DT><A HREF=\"https://example.org/bookmark/")
          .append(i)
          .append("\" ADD_DATE=\"")
          .append(1_600_000_000L + i)
          .append("\" TAGS=\"reading,later\">Bookmark number ")
          .append(i)
          .append(" &amp; more</A>\n<DD>A note for bookmark ")
          .append(i)
          .append('\n');
    }
    return file.append("</DL><p>\n</DL><p>\n").toString();
  }
}
