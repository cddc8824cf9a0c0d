package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.example.LinkFollower;
import dev.linkstream.example.LinkFollower.Change;
import dev.linkstream.testing.Relay;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The JAX-RS client example (src/example/java) against the deployed application. */
class ClientExampleIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void resumesAfterADisconnectWithLastEventIdMissingNothingAndRepeatingNothing() throws Exception {
    List<Change> changes = new ArrayList<>();
    try (Relay relay = new Relay(deployed.getPort());
        LinkFollower follower = new LinkFollower(through(relay), token(), changes(changes))) {
      follower.start(10);
      long before = id(follower.submit(origin.titled("Before the cut")));
      await(changes, received -> fetched(received, before));
      long seen = last(changes).id();

      relay.cut();
      long during = id(api.submit(origin.titled("While cut off")));
      await(changes, received -> fetched(received, during));

      List<Long> ids;
      synchronized (changes) {
        ids = changes.stream().map(Change::id).toList();
      }
      long first = ids.get(0);
      assertEquals(LongStream.rangeClosed(first, first + ids.size() - 1).boxed().toList(), ids);
      assertTrue(
          relay.requests().stream()
              .anyMatch(
                  head ->
                      head.startsWith("GET ")
                          && head.contains("/api/links/stream")
                          && head.contains("Last-Event-ID: " + seen)
                          && head.contains(
                              "Authorization: " + Api.authorization(api.root.getUri()))),
          "no stream request resumed, signed in, after " + seen + ": " + relay.requests());
    }
  }

  @Test
  void followsOnlyTheLinksThatHaveTheTagsAskedFor() throws Exception {
    String tag = "follow-" + UUID.randomUUID().toString().substring(0, 8);
    long before = taggedLink("Tagged before", tag);
    List<Change> changes = new ArrayList<>();
    try (LinkFollower follower = new LinkFollower(api.root.getUri(), token(), changes(changes))) {
      List<JsonObject> listed = follower.start(10, List.of(tag.toUpperCase(Locale.ROOT)));
      assertEquals(List.of(before), listed.stream().map(ClientExampleIT::id).toList());

      long untagged = id(api.submit(origin.titled("Not tagged")));
      long tagged = taggedLink("Tagged after", tag);
      await(changes, received -> fetched(received, tagged));

      synchronized (changes) {
        assertTrue(
            changes.stream().noneMatch(change -> id(change.data()) == untagged),
            changes.toString());
      }
    }
  }

  private long taggedLink(String title, String tag) {
    try (Response response =
        api.post("{\"url\":\"" + origin.titled(title) + "\",\"tags\":[\"" + tag + "\"]}")) {
      assertEquals(202, response.getStatus());
      return id((JsonObject) Api.parse(response.readEntity(String.class)));
    }
  }

  @Test
  void runsAsTheReadmeSaysAndPrintsTheLinkItSubmitted() throws Exception {
    String url = origin.titled("From the command line");
    ProcessBuilder command =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                LinkFollower.class.getName(),
                api.root.getUri().toString(),
                url)
            .redirectErrorStream(true);
    command.environment().put("LINKSTREAM_TOKEN", token());
    Process process = command.start();
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(1_000);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::offer);
              } catch (java.io.IOException e) {
                lines.offer(e.toString());
              }
            });
    reader.start();
    try {
      List<String> seen = new ArrayList<>();
      long end = System.nanoTime() + DEADLINE.toNanos();
      while (seen.stream().noneMatch(line -> line.contains("fetched " + url + " From the"))) {
        String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("the example printed no fetched link: " + seen);
        }
        seen.add(line);
      }
      assertTrue(seen.stream().anyMatch(line -> line.startsWith("submitted ")), seen.toString());
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private String token() {
    return Api.authorization(api.root.getUri()).substring("Bearer ".length());
  }

  private URI through(Relay relay) {
    return URI.create("http://127.0.0.1:" + relay.port() + deployed.getPath());
  }

  private static java.util.function.Consumer<Change> changes(List<Change> changes) {
    return change -> {
      synchronized (changes) {
        changes.add(change);
        changes.notifyAll();
      }
    };
  }

  private static void await(List<Change> changes, Predicate<List<Change>> condition)
      throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    synchronized (changes) {
      while (!condition.test(changes)) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("not within " + DEADLINE + ": " + changes);
        }
        changes.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private static Change last(List<Change> changes) {
    synchronized (changes) {
      return changes.get(changes.size() - 1);
    }
  }

  private static boolean fetched(List<Change> changes, long id) {
    return changes.stream()
        .anyMatch(
            change ->
                "link-update".equals(change.name())
                    && change.data().getJsonNumber("id").longValue() == id
                    && "fetched".equals(change.data().getString("status")));
  }

  private static long id(JsonObject link) {
    return link.getJsonNumber("id").longValue();
  }
}
