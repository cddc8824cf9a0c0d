package dev.linkstream.bench;

import dev.linkstream.links.entity.Details;
import dev.linkstream.links.entity.Edits;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkState;
import dev.linkstream.links.entity.LinkStatus;
import dev.linkstream.links.entity.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Links as a reader collects them, fetched, in made-up words: the same for the same seed, and link
 * {@code id} always the same whichever others are made, so that a query can take words from it.
 */
final class SyntheticLinks {

  private static final int VOCABULARY = 6_000;
  private static final int HOSTS = 300;
  private static final int TAGS = 200;
  private static final List<String> HOST_PREFIXES = List.of("", "www.", "blog.", "news.", "docs.");
  private static final List<String> TOP_LEVEL = List.of("com", "org", "net", "io", "dev", "de");
  private static final Instant FIRST = Instant.parse("2023-01-01T00:00:00Z");
  private static final Duration APART = Duration.ofMinutes(10);

  /** The words of the titles, descriptions, notes and paths, the most frequent first. */
  final Zipf<String> words;

  final Zipf<String> tags;
  private final Zipf<String> hosts;
  private final long seed;

  SyntheticLinks(long seed) {
    this.seed = seed;
    Random random = new Random(seed);
    // Steeper than 1, so that the rarest words are in a few dozen of 100,000 links.
    words = new Zipf<>(MadeUpWords.generate(VOCABULARY, random), 1.1);
    hosts = new Zipf<>(hostNames(random), 1.0);
    tags = new Zipf<>(tagNames(random), 1.0);
  }

  Link link(long id) {
    // Mixed, as java.util.Random's first numbers for neighbouring seeds are much alike.
    Random random = new Random(new SplittableRandom(seed + id).nextLong());
    List<String> title = drawWords(random, 4, 10);
    String host = hosts.draw(random);
    String description = String.join(" ", drawWords(random, 10, 30)) + ".";
    String note = random.nextInt(10) == 0 ? String.join(" ", drawWords(random, 5, 20)) : null;
    Instant submitted = FIRST.plus(APART.multipliedBy(id));
    return new Link(
        id,
        url(id, host, title, random),
        LinkStatus.FETCHED,
        state(random),
        MadeUpWords.capitalized(String.join(" ", title)),
        "text/html",
        new Details(description, host, null, null, null, null),
        null,
        new Edits(null, null, note, tags(random)),
        submitted,
        submitted.plusSeconds(2));
  }

  private List<String> drawWords(Random random, int least, int most) {
    int count = least + random.nextInt(most - least + 1);
    List<String> drawn = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      drawn.add(words.draw(random));
    }
    return drawn;
  }

  /** Unique by the id at its end, as many sites' article URLs are. */
  private String url(long id, String host, List<String> title, Random random) {
    String section = MadeUpWords.ascii(words.between(1, 30, random));
    List<String> slug = new ArrayList<>();
    for (String word : title.subList(0, Math.min(title.size(), 2 + random.nextInt(3)))) {
      slug.add(MadeUpWords.ascii(word));
    }
    return "https://" + host + "/" + section + "/" + String.join("-", slug) + "-" + id;
  }

  /** 60% unread, 20% read, 20% archived. */
  private static LinkState state(Random random) {
    int roll = random.nextInt(10);
    return roll < 6 ? LinkState.UNREAD : roll < 8 ? LinkState.READ : LinkState.ARCHIVED;
  }

  /** None on half the links, 1 to 3 on the others. */
  private Tags tags(Random random) {
    if (random.nextBoolean()) {
      return Tags.NONE;
    }
    int count = 1 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(tags.draw(random));
    }
    return new Tags(names);
  }

  private List<String> hostNames(Random random) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < HOSTS) {
      String name = MadeUpWords.ascii(words.between(100, 3_000, random));
      if (random.nextInt(4) == 0) {
        name += "-" + MadeUpWords.ascii(words.between(100, 3_000, random));
      }
      names.add(
          HOST_PREFIXES.get(random.nextInt(HOST_PREFIXES.size()))
              + name
              + "."
              + TOP_LEVEL.get(random.nextInt(TOP_LEVEL.size())));
    }
    return List.copyOf(names);
  }

  /** Some of two words, as "reading-list". */
  private List<String> tagNames(Random random) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < TAGS) {
      String name = words.between(50, 2_000, random);
      if (random.nextInt(4) == 0) {
        name += "-" + words.between(50, 2_000, random);
      }
      names.add(Tags.name(name));
    }
    return List.copyOf(names);
  }
}
