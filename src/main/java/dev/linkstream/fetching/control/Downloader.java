package dev.linkstream.fetching.control;

import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.reading.control.Download;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.Closer;
import org.apache.hc.core5.util.Timeout;

/**
 * Downloads a document within fixed bounds: only vetted addresses (see {@link AddressGuard}), never
 * through a proxy, at most {@value #MAX_REDIRECTS} redirects each vetted like the first URL, and
 * one deadline for the whole download, however slowly the origin trickles its bytes.
 */
final class Downloader implements AutoCloseable {

  static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<Integer> PASSING_STATUSES = Set.of(408, 429, 502, 503, 504);
  private static final Pattern ABSOLUTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** What a download may do and how it introduces itself. */
  record Limits(
      Duration deadline,
      Duration connectTimeout,
      Set<Integer> ports,
      String userAgent,
      String acceptLanguage) {}

  /** Reads a response; runs within the download's deadline. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Download download) throws IOException, FetchFailure;
  }

  private final CloseableHttpClient client;
  private final ScheduledExecutorService timer;
  private final Limits limits;

  Downloader(AddressGuard guard, ScheduledExecutorService timer, Limits limits) {
    this.timer = timer;
    this.limits = limits;
    this.client = httpClient(guard, limits);
  }

  <T> T get(URI url, Reader<T> reader) throws FetchFailure {
    Deadline deadline = new Deadline();
    ScheduledFuture<?> alarm =
        timer.schedule(deadline::expire, limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
    try {
      Set<URI> visited = new HashSet<>();
      URI target = allowed(url);
      while (true) {
        visited.add(target);
        HttpGet request = request(target);
        deadline.watch(request);
        ClassicHttpResponse response = null;
        try {
          response = client.executeOpen(null, request, null);
          URI next = redirect(target, response);
          if (next == null) {
            return reader.read(received(target, response));
          }
          if (visited.contains(next)) {
            throw FetchFailure.lasting("redirect loop");
          }
          if (visited.size() > MAX_REDIRECTS) {
            throw FetchFailure.lasting("more than " + MAX_REDIRECTS + " redirects");
          }
          target = next;
        } catch (IOException e) {
          throw deadline.expired() ? timedOut() : failure(e);
        } finally {
          // Cancelled first: closing a response reads the rest of its body, to reuse the
          // connection, and the rest may be endless.
          request.cancel();
          Closer.closeQuietly(response);
        }
      }
    } finally {
      alarm.cancel(false);
    }
  }

  private HttpGet request(URI target) {
    HttpGet request = new HttpGet(target);
    request.setHeader(
        HttpHeaders.ACCEPT,
        "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5");
    request.setHeader(HttpHeaders.ACCEPT_LANGUAGE, limits.acceptLanguage());
    return request;
  }

  /** The next URL if this is a redirect, or null if it is the document. */
  private URI redirect(URI from, ClassicHttpResponse response) throws FetchFailure {
    int status = response.getCode();
    if (status >= 400) {
      throw statusFailure(response);
    }
    if (!REDIRECTS.contains(status)) {
      if (status >= 300) {
        throw FetchFailure.lasting("HTTP " + status + " " + reasonPhrase(status));
      }
      return null;
    }
    Header location = response.getFirstHeader(HttpHeaders.LOCATION);
    if (location == null || location.getValue().isBlank()) {
      throw FetchFailure.lasting("redirect without a location");
    }
    String next = location.getValue().strip();
    try {
      String absolute = ABSOLUTE.matcher(next).lookingAt() ? next : from.resolve(next).toString();
      return allowed(SubmittedUrl.parse(absolute).uri());
    } catch (IllegalArgumentException e) {
      throw FetchFailure.lasting("redirect to an invalid or unsupported URL");
    }
  }

  /** The URL if its port may be fetched from; its scheme and host were checked on submission. */
  private URI allowed(URI url) throws FetchFailure {
    int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    if (!limits.ports().isEmpty() && !limits.ports().contains(port)) {
      throw FetchFailure.lasting("port " + port + " not allowed");
    }
    return url;
  }

  private static Download received(URI url, ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new Download(url, null, 0, InputStream.nullInputStream());
    }
    return new Download(
        url, entity.getContentType(), entity.getContentLength(), entity.getContent());
  }

  private static FetchFailure statusFailure(ClassicHttpResponse response) {
    int status = response.getCode();
    String reason = "HTTP " + status + " " + reasonPhrase(status);
    if (!PASSING_STATUSES.contains(status)) {
      return FetchFailure.lasting(reason.strip());
    }
    Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
    Duration wait = retryAfter == null ? null : retryAfter(retryAfter.getValue());
    return FetchFailure.passing(reason.strip(), wait);
  }

  // Our own words for a status, never the origin's, which may say anything.
  private static String reasonPhrase(int status) {
    String phrase = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, null);
    return phrase == null ? "" : phrase;
  }

  /** Retry-After in seconds or as a date; nothing if it is neither, or in the past. */
  static Duration retryAfter(String value) {
    String text = value.strip();
    Duration wait;
    if (SECONDS.matcher(text).matches()) {
      wait = Duration.ofSeconds(Long.parseLong(text));
    } else {
      Instant date = DateUtils.parseStandardDate(text);
      if (date == null) {
        return null;
      }
      wait = Duration.between(Instant.now(), date);
    }
    if (wait.isNegative()) {
      return null;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private FetchFailure timedOut() {
    Duration deadline = limits.deadline();
    String after =
        deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
    return FetchFailure.passing("timed out after " + after);
  }

  private FetchFailure failure(IOException e) {
    if (e instanceof BlockedAddressException) {
      return FetchFailure.lasting("address not allowed");
    }
    if (e instanceof UnknownHostException) {
      return FetchFailure.lasting("host not found");
    }
    if (e instanceof InterruptedIOException) {
      return timedOut();
    }
    if (e instanceof ConnectException) {
      return FetchFailure.lasting("connection refused");
    }
    if (e instanceof SSLException) {
      return FetchFailure.lasting("TLS error");
    }
    if (e instanceof SocketException
        || e instanceof NoHttpResponseException
        || e instanceof ConnectionClosedException) {
      return FetchFailure.passing("connection reset");
    }
    return FetchFailure.lasting("connection failed");
  }

  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }

  private static CloseableHttpClient httpClient(AddressGuard guard, Limits limits) {
    Timeout deadline = Timeout.of(limits.deadline());
    ConnectionConfig connections =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(limits.connectTimeout()))
            .setSocketTimeout(deadline)
            .build();
    RequestConfig requests =
        RequestConfig.custom()
            .setResponseTimeout(deadline)
            .setConnectionRequestTimeout(deadline)
            .build();
    // Not useSystemProperties(): a proxy would do the DNS lookup the guard must own.
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(256)
                .setMaxConnPerRoute(256)
                .build())
        .setDefaultRequestConfig(requests)
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(limits.userAgent())
        .build();
  }

  /** One alarm for a whole download, redirects included: it aborts whichever request is open. */
  private static final class Deadline {
    private final AtomicBoolean expired = new AtomicBoolean();
    private final AtomicReference<HttpGet> current = new AtomicReference<>();

    void watch(HttpGet request) {
      current.set(request);
      if (expired.get()) {
        request.cancel();
      }
    }

    void expire() {
      expired.set(true);
      HttpGet request = current.get();
      if (request != null) {
        request.cancel();
      }
    }

    boolean expired() {
      return expired.get();
    }
  }
}
