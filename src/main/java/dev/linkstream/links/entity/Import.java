package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A bookmark file being imported, and how far it got: of its {@code total} entries, how many were
 * {@code added} as new links, were {@code duplicates} of stored ones (given their tags), or were
 * {@code invalid}; and how many of the added links have been {@code fetched}.
 */
public record Import(
    long id,
    int total,
    int added,
    int duplicates,
    int invalid,
    int fetched,
    List<ImportProblem> problems,
    Instant startedAt,
    Instant updatedAt) {

  /** How many problems an import keeps to show; the count says how many there were. */
  public static final int PROBLEMS_KEPT = 100;

  public Import {
    problems = List.copyOf(problems.subList(0, Math.min(problems.size(), PROBLEMS_KEPT)));
  }

  /** Whether every entry has been stored or counted. */
  public boolean stored() {
    return added + duplicates + invalid == total;
  }

  /** Whether every link it added has been fetched as well. */
  public boolean done() {
    return stored() && fetched >= added;
  }

  public Import counting(int moreAdded, int moreDuplicates, Instant now) {
    return new Import(
        id,
        total,
        added + moreAdded,
        duplicates + moreDuplicates,
        invalid,
        fetched,
        problems,
        startedAt,
        now);
  }

  public Import fetchedOne(Instant now) {
    return new Import(id, total, added, duplicates, invalid, fetched + 1, problems, startedAt, now);
  }

  public JsonObject toJSON() {
    JsonArrayBuilder listed = Jsonp.array();
    problems.forEach(problem -> listed.add(problem.toJSON()));
    return Jsonp.object()
        .add("id", id)
        .add("total", total)
        .add("added", added)
        .add("duplicates", duplicates)
        .add("invalid", invalid)
        .add("fetched", fetched)
        .add("stored", stored())
        .add("done", done())
        .add("problems", listed)
        .add("startedAt", startedAt.toString())
        .add("updatedAt", updatedAt.toString())
        .build();
  }
}
