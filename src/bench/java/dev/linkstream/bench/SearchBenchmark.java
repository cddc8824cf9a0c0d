package dev.linkstream.bench;

import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.control.StandaloneStore;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How fast a search answers among many links, on H2 and on PostgreSQL: the same links and the same
 * queries on each, through {@link LinkStore#page}, as the list a reader searches asks for them. No
 * server is started but PostgreSQL's. Writes {@code search.md}.
 */
final class SearchBenchmark {

  private static final long SEED = 20_260_101L;
  private static final int WARM_UP_ROUNDS = 50;
  private static final int MEASURED_ROUNDS = 200;
  private static final int PAGE = 50;

  private SearchBenchmark() {}

  /** The report, in Markdown, of searches among {@code count} links; written to {@code dir} too. */
  static String run(int count, Path dir) throws Exception {
    SyntheticLinks links = new SyntheticLinks(SEED);
    Random random = new Random(SEED);
    List<SearchQuery> warmUp = SearchQuery.rounds(links, count, WARM_UP_ROUNDS, random);
    List<SearchQuery> measured = SearchQuery.rounds(links, count, MEASURED_ROUNDS, random);
    SearchReport report = new SearchReport(count, WARM_UP_ROUNDS, MEASURED_ROUNDS, PAGE);
    for (Databases kind : Databases.values()) {
      report.add(measure(kind, links, count, warmUp, measured, dir));
    }
    String markdown = report.markdown();
    Files.writeString(dir.resolve("search.md"), markdown, StandardCharsets.UTF_8);
    return markdown;
  }

  private static SearchReport.OnDatabase measure(
      Databases kind,
      SyntheticLinks links,
      int count,
      List<SearchQuery> warmUp,
      List<SearchQuery> measured,
      Path dir)
      throws Exception {
    Path data =
        Files.createTempDirectory(dir, "search-" + kind.name().toLowerCase(Locale.ROOT) + "-");
    Database database = kind.open(data);
    try {
      System.out.println(kind + ": loading " + count + " links");
      long start = System.nanoTime();
      LinkLoader.load(database, links, count);
      long loaded = System.nanoTime();
      LinkLoader.settle(database);
      long settled = System.nanoTime();
      LinkStore store = StandaloneStore.on(database);
      System.out.println(
          kind + ": " + warmUp.size() + " searches unmeasured, then " + measured.size());
      warmUp.forEach(query -> search(store, query));
      List<SearchReport.Answered> answered = measured.stream().map(q -> search(store, q)).toList();
      return new SearchReport.OnDatabase(
          kind,
          millis(loaded - start),
          millis(settled - loaded),
          millis(System.nanoTime() - settled),
          answered);
    } finally {
      Databases.close(database);
      delete(data);
    }
  }

  private static SearchReport.Answered search(LinkStore store, SearchQuery query) {
    long start = System.nanoTime();
    int found = store.page(PAGE, Long.MAX_VALUE, query.filter()).links().size();
    return new SearchReport.Answered(query, (System.nanoTime() - start) / 1_000, found);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  /** An embedded database's files: a full-size one takes hundreds of megabytes. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
