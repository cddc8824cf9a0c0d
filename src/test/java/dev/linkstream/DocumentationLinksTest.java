package dev.linkstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each fact is written in one place and linked from the others, so a link that leads nowhere loses
 * it: every relative link in the README and in docs/ names a file that exists and, in a Markdown
 * file, a heading it has (as GitHub makes anchors of headings).
 */
class DocumentationLinksTest {

  private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```.*?```");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`\n]*`");
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
  private static final Pattern SCHEME = Pattern.compile("^[a-z]+:");

  @Test
  void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents()) {
      Matcher link = LINK.matcher(prose(Files.readString(document)));
      while (link.find()) {
        String target = link.group(1);
        if (SCHEME.matcher(target).find()) {
          continue;
        }
        checked++;
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        Path destination = file.isEmpty() ? document : document.resolveSibling(file).normalize();
        if (!Files.exists(destination)) {
          broken.add(document + ": " + target + ": no file " + destination);
        } else if (!anchor.isEmpty() && !anchors(destination).contains(anchor)) {
          broken.add(document + ": " + target + ": no heading #" + anchor + " in " + destination);
        }
      }
    }
    assertTrue(checked > 20, "only " + checked + " links were found");
    assertEquals(List.of(), broken);
  }

  private static List<Path> documents() throws IOException {
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
      documents.addAll(docs.filter(file -> file.toString().endsWith(".md")).sorted().toList());
      return documents;
    }
  }

  /** The text without code, where brackets and parentheses are not links. */
  private static String prose(String markdown) {
    return CODE_SPAN.matcher(CODE_BLOCK.matcher(markdown).replaceAll("")).replaceAll("");
  }

  /** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
  private static Set<String> anchors(Path document) throws IOException {
    if (!document.toString().endsWith(".md")) {
      return Set.of();
    }
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    Matcher heading =
        HEADING.matcher(CODE_BLOCK.matcher(Files.readString(document)).replaceAll(""));
    while (heading.find()) {
      String anchor =
          heading
              .group(1)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
              .replace(' ', '-');
      int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
      anchors.add(repeats == 0 ? anchor : anchor + "-" + repeats);
    }
    return anchors;
  }
}
