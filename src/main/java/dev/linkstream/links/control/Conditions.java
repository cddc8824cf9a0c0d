package dev.linkstream.links.control;

import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.Search;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL, after {@code SELECT … FROM links}, that reads a page of the links a filter holds: the
 * newest, at most {@code limit}, with ids below {@code before}.
 */
final class Conditions {

  /**
   * How many links a tag may have for a page to be read from its links alone: for fewer, reading
   * each of them is quicker than reading the newest links until a page has the tag (at 100,000
   * links: a tag on 2,000 of them takes either way about as long).
   */
  static final int FEW = 2_000;

  /** The column PostgreSQL's search index is on (migration V9). */
  private static final String SEARCH_WORDS = "search_words";

  /**
   * Whether the search words hold a term's text. POSITION, not {@code LIKE '% new yo%'}: the same
   * test, which H2 answers four times as fast.
   */
  private static final String CONTAINS = "POSITION(? IN search_text) > 0";

  /**
   * Whether a searched link is in one of the states (%s, their placeholders), as each database
   * answers it best. PostgreSQL joins the links for EXISTS, knowing how many are in the states; a
   * subquery's value it guesses to be in them for one link in a hundred, and then reads all the
   * links a common word finds. H2 answers this EXISTS by walking the index on states, milliseconds
   * for each link, and the subquery by the link's id.
   */
  private static final String SEARCHED_IN_STATES_POSTGRESQL =
      "EXISTS (SELECT 1 FROM links WHERE links.id = link_search.link_id AND state IN (%s))";

  private static final String SEARCHED_IN_STATES_H2 =
      "(SELECT state FROM links WHERE links.id = link_search.link_id) IN (%s)";

  /** The SQL and the values of its parameters, in order. */
  record Query(String sql, List<Object> parameters) {}

  private final String linkId;
  private final String inStates;
  private final List<String> sql = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  private Conditions(String linkId, String inStates) {
    this.linkId = linkId;
    this.inStates = inStates;
  }

  /**
   * @param rareTag one of the filter's tags that at most {@link #FEW} links have, whose links are
   *     then read alone; null for none. H2 plans alike for every tag: only the store can tell.
   */
  static Query page(int limit, long before, LinkFilter filter, String rareTag, boolean postgres) {
    return filter.search().terms().isEmpty()
        ? newestLinks(limit, before, filter, rareTag)
        : newestSearched(limit, before, filter, rareTag, postgres);
  }

  private static Query newestLinks(int limit, long before, LinkFilter filter, String rareTag) {
    Conditions links = new Conditions("links.id", "state IN (%s)");
    links.below(before, rareTag);
    links.holding(filter, rareTag);
    return links.query(" WHERE ", " ORDER BY id DESC LIMIT ?", limit);
  }

  /**
   * The page chosen among the search words, then read from the links. A search that finds few links
   * reads the words of all of them, and H2 reads the words alone much faster than the wide rows of
   * the links.
   */
  private static Query newestSearched(
      int limit, long before, LinkFilter filter, String rareTag, boolean postgres) {
    Conditions words =
        new Conditions(
            "link_search.link_id",
            postgres ? SEARCHED_IN_STATES_POSTGRESQL : SEARCHED_IN_STATES_H2);
    words.below(before, rareTag);
    // The words before the rest: H2 tests the conditions in this order, and they rule out most.
    words.matching(filter.search(), postgres);
    words.holding(filter, rareTag);
    return words.query(
        " WHERE id IN (SELECT link_id FROM link_search WHERE ",
        " ORDER BY link_id DESC LIMIT ?) ORDER BY id DESC",
        limit);
  }

  /**
   * Ids below {@code before}: among the rare tag's links where there is one. H2 then looks up each
   * of them; it does not when the id must also be in a range.
   */
  private void below(long before, String rareTag) {
    if (rareTag == null) {
      add(linkId + " < ?", List.of(before));
    } else {
      add(
          linkId + " IN (SELECT link_id FROM link_tags WHERE tag = ? AND link_id < ?)",
          List.of(rareTag, before));
    }
  }

  private void matching(Search search, boolean postgres) {
    String tsquery = search.tsquery();
    if (postgres && tsquery != null) {
      add(SEARCH_WORDS + " @@ CAST(? AS tsquery)", List.of(tsquery));
    }
    for (Search.Term term : search.terms()) {
      if (term.excluded()) {
        // NOT (…), not = 0: PostgreSQL guesses that = 0 holds for one link in 200, and then reads
        // every link a common word finds; NOT (…) it guesses to hold for most.
        add("NOT (" + CONTAINS + ")", List.of(term.text()));
      } else if (!postgres || term.words().size() > 1) {
        // For a single word the index's test is this very test, and repeating it would have
        // PostgreSQL guess that a third as many links match.
        add(CONTAINS, List.of(term.text()));
      }
    }
  }

  /** The states, tags and excluded tags, as any list has them; the rare tag is held already. */
  private void holding(LinkFilter filter, String rareTag) {
    if (!filter.everyState()) {
      add(
          inStates.formatted(LinkTags.placeholders(filter.states().size())),
          filter.states().stream().map(held -> held.toJSON()).toList());
    }
    // One test for each tag rather than counting a link's tags among those asked, of which
    // PostgreSQL cannot tell how many links pass. EXISTS: H2 stops at a page of links that have a
    // common tag, where with IN it would read and sort all of them.
    for (String tag : filter.tags()) {
      if (!tag.equals(rareTag)) {
        add(
            "EXISTS (SELECT 1 FROM link_tags WHERE link_tags.link_id = " + linkId + " AND tag = ?)",
            List.of(tag));
      }
    }
    List<String> excluded = filter.search().excludedTags();
    if (!excluded.isEmpty()) {
      add(
          linkId
              + " NOT IN (SELECT link_id FROM link_tags WHERE tag IN ("
              + LinkTags.placeholders(excluded.size())
              + "))",
          excluded);
    }
  }

  private void add(String condition, List<?> values) {
    sql.add(condition);
    parameters.addAll(values);
  }

  private Query query(String head, String tail, int limit) {
    List<Object> all = new ArrayList<>(parameters);
    all.add(limit);
    return new Query(head + String.join(" AND ", sql) + tail, all);
  }
}
