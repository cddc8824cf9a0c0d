package dev.linkstream.bench;

import dev.linkstream.platform.control.Databases;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the search benchmark measured, per database, as Markdown tables. */
final class SearchReport {

  /** One search and what it took: microseconds, and how many links its page held. */
  record Answered(SearchQuery query, long micros, int found) {}

  /** One database's load and searches; {@code searchMillis} counts the unmeasured ones too. */
  record OnDatabase(
      Databases kind,
      long loadMillis,
      long settleMillis,
      long searchMillis,
      List<Answered> answered) {}

  private final int links;
  private final int warmUpRounds;
  private final int measuredRounds;
  private final int page;
  private final List<OnDatabase> databases = new ArrayList<>();

  SearchReport(int links, int warmUpRounds, int measuredRounds, int page) {
    this.links = links;
    this.warmUpRounds = warmUpRounds;
    this.measuredRounds = measuredRounds;
    this.page = page;
  }

  void add(OnDatabase database) {
    databases.add(database);
  }

  String markdown() {
    StringBuilder markdown =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "# Link search among %,d links%n%nThe time `LinkStore.page(%d, Long.MAX_VALUE,"
                    + " filter)` takes to answer a search: each kind of query %d times, with words"
                    + " drawn anew each time, after %d rounds of every kind unmeasured. Found: the"
                    + " links on the page (at most %d), on average.%n",
                links,
                page,
                measuredRounds,
                warmUpRounds,
                page));
    databases.forEach(database -> markdown.append(section(database)));
    return markdown.toString();
  }

  private static String section(OnDatabase database) {
    Map<SearchQuery.Kind, List<Answered>> byKind = byKind(database.answered());
    StringBuilder section = new StringBuilder(heading(database));
    section.append("| Query | First asked | Found | p50 ms | p99 ms | max ms |\n");
    section.append("|---|---|--:|--:|--:|--:|\n");
    byKind.forEach(
        (kind, answered) ->
            section.append(
                row(kind.description, "`" + answered.get(0).query().text() + "`", answered)));
    section.append(row("**all**", "", database.answered()));
    section.append(sanity(byKind));
    return section.toString();
  }

  private static String heading(OnDatabase database) {
    long p99 = micros(database.answered()).p99();
    long target = targetMillis(database.kind());
    String settled =
        database.kind() == Databases.POSTGRESQL
            ? String.format(
                Locale.ROOT, ", then VACUUM ANALYZE in %.1f s", database.settleMillis() / 1000.0)
            : "";
    return String.format(
        Locale.ROOT,
        "%n## %s%n%nLoaded in %.1f s%s; searched for %.1f s. p99 of all searches %s ms: the"
            + " target, at most %d ms, %s.%n%n",
        database.kind(),
        database.loadMillis() / 1000.0,
        settled,
        database.searchMillis() / 1000.0,
        millis(p99),
        target,
        p99 <= target * 1_000 ? "is met" : "is MISSED");
  }

  private static String row(String name, String example, List<Answered> answered) {
    Percentiles micros = micros(answered);
    double found = answered.stream().mapToInt(Answered::found).average().orElse(0);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.1f | %s | %s | %s |%n",
        name,
        example,
        found,
        millis(micros.p50()),
        millis(micros.p99()),
        millis(micros.max()));
  }

  /** A kind whose every search found nothing, or whose words should match none but did. */
  private static String sanity(Map<SearchQuery.Kind, List<Answered>> byKind) {
    List<String> suspicious = new ArrayList<>();
    byKind.forEach(
        (kind, answered) -> {
          boolean foundAny = answered.stream().anyMatch(a -> a.found() > 0);
          if (foundAny == (kind == SearchQuery.Kind.NO_MATCH)) {
            suspicious.add(kind.description + (foundAny ? " found links" : " never found any"));
          }
        });
    return suspicious.isEmpty()
        ? ""
        : "\nSuspicious, the measurement may not be what it says: "
            + String.join("; ", suspicious)
            + ".\n";
  }

  private static Percentiles micros(List<Answered> answered) {
    return Percentiles.of(answered.stream().map(Answered::micros).toList());
  }

  private static Map<SearchQuery.Kind, List<Answered>> byKind(List<Answered> answered) {
    Map<SearchQuery.Kind, List<Answered>> byKind = new EnumMap<>(SearchQuery.Kind.class);
    for (Answered one : answered) {
      byKind.computeIfAbsent(one.query().kind(), kind -> new ArrayList<>()).add(one);
    }
    return byKind;
  }

  /** The p99 a search should not exceed: an embedded database reads every row for a rare word. */
  private static long targetMillis(Databases kind) {
    return kind == Databases.POSTGRESQL ? 50 : 200;
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
  }
}
