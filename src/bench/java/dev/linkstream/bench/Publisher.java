package dev.linkstream.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits links open-loop: each at its planned time, whether or not earlier ones were answered, and
 * timed from that plan, so that a stalled server shows as latency (no coordinated omission).
 */
final class Publisher {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI links;
  private final URI subscribers;
  private final String origin;
  // Shared by every publisher: a URL submitted again is not a new link, and makes no events.
  private static final AtomicLong COUNTER = new AtomicLong();

  private final String authorization;
  private final String padding;

  Publisher(URI server, String origin, String authorization) {
    this(server, origin, authorization, "");
  }

  private Publisher(URI server, String origin, String authorization, String padding) {
    this.links = server.resolve("/api/links");
    this.subscribers = server.resolve("/api/links/stream/subscribers");
    this.origin = origin;
    this.authorization = authorization;
    this.padding = padding;
  }

  /** One that submits links whose URLs are {@code chars} characters longer, in their query. */
  Publisher padded(int chars) {
    return new Publisher(
        links.resolve("/"), origin, authorization, "?pad=" + "x".repeat(Math.max(0, chars - 5)));
  }

  /**
   * One submitted link: its URL, when it was planned and how long the answer took, in µs; or -1 if
   * none came within {@value #TIMEOUT_SECONDS} s or it was not {@code 202 Accepted}.
   */
  record Submission(String url, long plannedAt, long micros) {
    boolean accepted() {
      return micros >= 0;
    }
  }

  static final int TIMEOUT_SECONDS = 30;

  /** Submits {@code count} links at {@code perSecond}, and waits for every answer. */
  List<Submission> submit(int count, double perSecond) throws Exception {
    List<CompletableFuture<Submission>> answers = new ArrayList<>();
    long start = System.nanoTime();
    long interval = (long) (1e9 / perSecond);
    for (int i = 0; i < count; i++) {
      long planned = start + i * interval;
      LockSupport.parkNanos(planned - System.nanoTime());
      answers.add(submit(planned));
    }
    List<Submission> submissions = new ArrayList<>();
    for (CompletableFuture<Submission> answer : answers) {
      submissions.add(answer.get());
    }
    return submissions;
  }

  private CompletableFuture<Submission> submit(long planned) {
    String url = origin + "/page/" + COUNTER.incrementAndGet() + padding;
    HttpRequest request =
        signedIn(HttpRequest.newBuilder(links), authorization)
            .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, failure) -> {
              boolean accepted = failure == null && response.statusCode() == 202;
              long micros = accepted ? (System.nanoTime() - planned) / 1_000 : -1;
              return new Submission(url, planned, micros);
            });
  }

  /**
   * How many streams the server counts as open, from {@code GET /api/links/stream/subscribers}: on
   * this client's connections, so that asking often opens no more of them.
   */
  int subscribers() throws IOException, InterruptedException {
    HttpResponse<String> answer =
        client.send(
            signedIn(HttpRequest.newBuilder(subscribers), authorization)
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("subscribers: " + answer.statusCode() + " " + answer.body());
    }
    return Json.createReader(new StringReader(answer.body())).readObject().getInt("subscribers");
  }

  /** The request, signed in, or as it is for a server that asks for no sign-in. */
  static HttpRequest.Builder signedIn(HttpRequest.Builder request, String authorization) {
    return authorization.isEmpty() ? request : request.header("Authorization", authorization);
  }
}
