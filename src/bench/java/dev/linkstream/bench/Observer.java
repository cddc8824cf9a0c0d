package dev.linkstream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One more subscriber that reads every event's data: which event announced which submitted URL as
 * pending, and when its fetched event arrived.
 */
final class Observer implements AutoCloseable {

  private static final Pattern URL_AND_STATUS =
      Pattern.compile("\"url\":\"([^\"]+)\",\"status\":\"([a-z]+)\"");

  final Map<String, Long> pendingEventId = new ConcurrentHashMap<>();
  final Map<String, Long> fetchedAt = new ConcurrentHashMap<>();
  private volatile long lastId;
  private final InputStream body;
  private final Thread reader;

  Observer(URI server, String authorization) throws IOException, InterruptedException {
    HttpRequest request =
        Publisher.signedIn(
                HttpRequest.newBuilder(server.resolve("/api/links/stream")), authorization)
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    body = response.body();
    reader = new Thread(this::read, "observer");
    reader.setDaemon(true);
    reader.start();
  }

  long lastId() {
    return lastId;
  }

  private void read() {
    try {
      readLines();
    } catch (java.io.UncheckedIOException closed) {
      // The benchmark is over: close() ended the stream.
    }
  }

  private void readLines() {
    try (Stream<String> lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).lines()) {
      long[] id = {-1};
      String[] data = {null};
      lines.forEach(
          line -> {
            if (line.startsWith("id:")) {
              id[0] = Long.parseLong(line.substring(3).strip());
            } else if (line.startsWith("data:")) {
              data[0] = line;
            } else if (line.isEmpty()) {
              if (id[0] > 0 && data[0] != null) {
                received(id[0], data[0]);
              }
              id[0] = -1;
              data[0] = null;
            }
          });
    }
  }

  private void received(long id, String data) {
    long now = System.nanoTime();
    Matcher link = URL_AND_STATUS.matcher(data);
    if (link.find()) {
      if (link.group(2).equals("pending")) {
        pendingEventId.put(link.group(1), id);
      } else {
        fetchedAt.put(link.group(1), now);
      }
    }
    lastId = id;
  }

  @Override
  public void close() throws IOException {
    body.close();
    reader.interrupt();
  }
}
