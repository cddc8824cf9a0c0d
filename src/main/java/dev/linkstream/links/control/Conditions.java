package dev.linkstream.links.control;

import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.Search;
import java.util.ArrayList;
import java.util.List;

/** The SQL conditions, after {@code WHERE}, that hold for the links a filter holds. */
final class Conditions {

  /** The expression PostgreSQL's search index is on, as migration V9 gives it. */
  private static final String SEARCH_WORDS =
      "array_to_tsvector(array_remove(regexp_split_to_array(search_text, '[ |]+'), ''))";

  private final List<String> sql = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  private Conditions() {}

  static Conditions of(LinkFilter filter, boolean postgres) {
    Conditions conditions = new Conditions();
    if (!filter.everyState()) {
      conditions.add(
          "state IN (" + LinkTags.placeholders(filter.states().size()) + ")",
          filter.states().stream().map(state -> (Object) state.toJSON()).toList());
    }
    if (!filter.tags().isEmpty()) {
      List<Object> tags = new ArrayList<>(filter.tags());
      tags.add(filter.tags().size());
      conditions.add(
          "id IN (SELECT link_id FROM link_tags WHERE tag IN ("
              + LinkTags.placeholders(filter.tags().size())
              + ") GROUP BY link_id HAVING COUNT(*) = ?)",
          tags);
    }
    conditions.search(filter.search(), postgres);
    return conditions;
  }

  private void search(Search search, boolean postgres) {
    String tsquery = search.tsquery();
    if (postgres && tsquery != null) {
      add(SEARCH_WORDS + " @@ CAST(? AS tsquery)", List.of(tsquery));
    }
    for (Search.Term term : search.terms()) {
      add("search_text " + (term.excluded() ? "NOT LIKE ?" : "LIKE ?"), List.of(term.pattern()));
    }
    if (!search.excludedTags().isEmpty()) {
      add(
          "id NOT IN (SELECT link_id FROM link_tags WHERE tag IN ("
              + LinkTags.placeholders(search.excludedTags().size())
              + "))",
          new ArrayList<>(search.excludedTags()));
    }
  }

  private void add(String condition, List<Object> values) {
    sql.add(condition);
    parameters.addAll(values);
  }

  /** The conditions joined by {@code AND}, each after one; empty when the filter holds all. */
  String and() {
    return sql.stream().map(condition -> " AND " + condition).reduce("", String::concat);
  }

  List<Object> parameters() {
    return parameters;
  }
}
