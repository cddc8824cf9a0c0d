package dev.linkstream.example;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a Linkstream server with the JAX-RS client API and submits links to it. It loads the
 * newest links, then follows every change after them; after a disconnect it resumes with {@code
 * Last-Event-ID}, so it misses no change and sees none twice.
 *
 * <p>It signs in with an API token, which it sends on every request, reconnections included.
 *
 * <pre>
 * LINKSTREAM_TOKEN=lks_… ./mvnw -q test-compile exec:java -Dexec.args="http://localhost:8080/ https://jakarta.ee/"
 * LINKSTREAM_TOKEN=lks_… ./mvnw -q test-compile exec:java -Dexec.args="http://localhost:8080/ --tag=java"
 * </pre>
 */
public final class LinkFollower implements AutoCloseable {

  /**
   * One change: {@code link-update} (data: the link), {@code link-removed}, {@code import-update}
   * (an import's progress) or {@code reset}.
   */
  public record Change(long id, String name, JsonObject data) {}

  private static final String LAST_EVENT_ID = "Last-Event-ID";
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(3);

  private final Client client = ClientBuilder.newClient();
  private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor();
  private final WebTarget links;
  private final Consumer<Change> changes;
  private volatile String lastEventId;
  private volatile List<String> tags = List.of();
  private SseEventSource source;
  private boolean closed;
  private volatile boolean refused;

  /**
   * @param server where Linkstream runs, such as {@code http://localhost:8080/}
   * @param token an API token, {@code lks_…}: a read token follows, submitting needs a write token
   * @param changes told of every change, in order, on the event source's thread
   */
  public LinkFollower(URI server, String token, Consumer<Change> changes) {
    ClientRequestFilter signIn =
        request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    this.links = client.register(signIn).target(server).path("api/links");
    this.changes = changes;
  }

  /** Loads the newest links, newest first, and follows every change after them. */
  public List<JsonObject> start(int newest) {
    return start(newest, List.of());
  }

  /**
   * Loads the newest links that have every one of the tags, newest first, and follows the changes
   * after them: of links that have the tags, and every removal (a removed link's tags are gone).
   */
  public List<JsonObject> start(int newest, List<String> tags) {
    this.tags = List.copyOf(tags);
    WebTarget newestFirst = links.queryParam("limit", newest);
    for (String tag : tags) {
      newestFirst = newestFirst.queryParam("tag", tag);
    }
    try (Response page = newestFirst.request().get()) {
      JsonStructure body = read(page);
      expect(page, body, 200);
      // The newest change the list reflects: the stream sends exactly those after it.
      lastEventId = page.getHeaderString("Linkstream-Last-Event-ID");
      connect();
      return body.asJsonArray().getValuesAs(JsonObject.class);
    }
  }

  /** Submits a URL; the answer is the link, pending while it is fetched. */
  public JsonObject submit(String url) {
    String json = Json.createObjectBuilder().add("url", url).build().toString();
    try (Response response = links.request().post(Entity.json(json))) {
      JsonStructure body = read(response);
      // 202 for a new link, 200 for a URL stored already.
      expect(response, body, response.getStatus() == 200 ? 200 : 202);
      return body.asJsonObject();
    }
  }

  /**
   * Every connection resumes after the last event seen: the ones this class opens, and those
   * Jersey's event source opens by itself after the server ends a stream.
   */
  private synchronized void connect() {
    if (closed) {
      return;
    }
    ClientRequestFilter resume =
        request -> {
          if (lastEventId != null) {
            request.getHeaders().putSingle(LAST_EVENT_ID, lastEventId);
          }
        };
    WebTarget stream = links.path("stream").register(resume);
    source = SseEventSource.target(stream).build();
    source.register(this::onEvent, this::onError, this::onEnd);
    source.open();
  }

  private void onEvent(InboundSseEvent event) {
    if (event.getName() == null) {
      return; // the greeting, which only sets the reconnection delay
    }
    JsonObject data = Json.createReader(new StringReader(event.readData())).readObject();
    lastEventId = event.getId();
    if (!"link-update".equals(event.getName()) || hasTags(data)) {
      changes.accept(new Change(Long.parseLong(event.getId()), event.getName(), data));
    }
  }

  private boolean hasTags(JsonObject link) {
    List<String> its =
        link.getJsonArray("tags").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    // The server keeps tags in lower case.
    return tags.stream().allMatch(tag -> its.contains(tag.strip().toLowerCase(Locale.ROOT)));
  }

  private void onError(Throwable error) {
    if (error instanceof NotAuthorizedException) {
      // Revoked or expired: trying again would only be refused again.
      refused = true;
      System.err.println("The server refused the token; stopped following");
    } else {
      System.err.println("The stream failed (" + error + "); reconnecting");
    }
  }

  /**
   * Jersey's event source reconnects by itself after the server ends a stream or refuses it with
   * 503; after anything else (a reset connection, a server that is down) it gives up, and this
   * starts a new one.
   */
  private synchronized void onEnd() {
    if (!closed && !refused) {
      reconnects.schedule(this::connect, RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    reconnects.shutdownNow();
    if (source != null) {
      source.close();
    }
    client.close();
  }

  private static JsonStructure read(Response response) {
    String text = response.readEntity(String.class);
    return Json.createReader(new StringReader(text)).read();
  }

  /** Fails with the problem document's detail unless the status is the one expected. */
  private static void expect(Response response, JsonStructure body, int status) {
    if (response.getStatus() != status) {
      String detail =
          body instanceof JsonObject problem ? problem.getString("detail", "") : body.toString();
      throw new IllegalStateException("HTTP " + response.getStatus() + ": " + detail);
    }
  }

  /**
   * Prints the newest links, submits the URLs given after the server's, and prints every change.
   */
  public static void main(String[] args) throws InterruptedException {
    String token = System.getenv("LINKSTREAM_TOKEN");
    if (args.length == 0 || token == null || token.isBlank()) {
      System.err.println(
          "Usage: LINKSTREAM_TOKEN=lks_… LinkFollower SERVER_URL [--tag=TAG ...] [URL_TO_SUBMIT ...]");
      System.exit(2);
    }
    List<String> tags = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--tag=")) {
        tags.add(args[i].substring("--tag=".length()));
      } else {
        urls.add(args[i]);
      }
    }
    LinkFollower follower =
        new LinkFollower(
            URI.create(args[0]), token.strip(), change -> System.out.println(describe(change)));
    Runtime.getRuntime().addShutdownHook(new Thread(follower::close));
    follower.start(10, tags).forEach(link -> System.out.println("  " + describe(link)));
    for (String url : urls) {
      System.out.println("submitted " + describe(follower.submit(url)));
    }
    Thread.currentThread().join();
  }

  private static String describe(Change change) {
    String event = "event " + change.id() + ": ";
    return switch (change.name()) {
      case "link-update" -> event + describe(change.data());
      case "link-removed" -> event + "link " + change.data().get("id") + " removed";
      case "reset" -> event + "reset, more was missed than the server keeps: reload the list";
      default -> event + change.name() + " " + change.data();
    };
  }

  private static String describe(JsonObject link) {
    String title = link.isNull("title") ? "" : " " + link.getString("title");
    String error = link.isNull("error") ? "" : " (" + link.getString("error") + ")";
    return "link "
        + link.get("id")
        + " "
        + link.getString("status")
        + " "
        + link.getString("url")
        + title
        + error;
  }
}
