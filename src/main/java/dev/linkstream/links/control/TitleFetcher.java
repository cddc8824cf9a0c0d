package dev.linkstream.links.control;

import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;

/**
 * Fetches a submitted link's page and reads its title. Every outcome, including every kind of
 * failure, becomes a {@link FetchResult}: a link never stays pending because a fetch went wrong.
 */
@ApplicationScoped
public class TitleFetcher {

  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_REDIRECTS = 5;
  static final String USER_AGENT = "Linkstream/0.1 (link title fetcher)";
  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
  private static final String UNKNOWN_TYPE = "application/octet-stream";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
  private static final Logger LOG = Logger.getLogger(TitleFetcher.class.getName());

  @Inject
  @ConfigProperty(name = "linkstream.fetch.allowed-networks")
  Optional<String> allowedNetworks;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.timeout")
  Duration timeout;

  @Inject Event<FetchResult> fetched;

  CloseableHttpClient client;

  @PostConstruct
  void start() {
    // Read as one string and split here: Payara cannot inject an Optional<List<String>>.
    List<Network> networks =
        Stream.of(allowedNetworks.orElse("").split(","))
            .filter(cidr -> !cidr.isBlank())
            .map(Network::parse)
            .toList();
    client = httpClient(new AddressGuard(networks), Timeout.of(timeout));
  }

  @PreDestroy
  void stop() {
    client.close(CloseMode.IMMEDIATE);
  }

  void onSubmitted(@ObservesAsync Link link) {
    fetched.fireAsync(fetch(link.id(), URI.create(link.url())));
  }

  FetchResult fetch(long linkId, URI url) {
    HttpGet request = new HttpGet(url);
    request.setHeader(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    request.setHeader(HttpHeaders.ACCEPT_LANGUAGE, "en;q=0.9,*;q=0.5");
    try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
      return read(linkId, url, response);
    } catch (IOException e) {
      return FetchResult.failed(linkId, reason(e));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unexpected failure fetching link " + linkId, e);
      return FetchResult.failed(linkId, "unexpected error");
    } finally {
      // Abandons whatever body is left instead of downloading it to reuse the connection.
      request.cancel();
    }
  }

  private FetchResult read(long linkId, URI url, ClassicHttpResponse response) throws IOException {
    int status = response.getCode();
    if (status >= 300) {
      return FetchResult.failed(linkId, "HTTP " + status);
    }
    HttpEntity entity = response.getEntity();
    ContentType type = entity == null ? null : ContentType.parseLenient(entity.getContentType());
    String mimeType = mimeType(type);
    if (!HTML.contains(mimeType)) {
      return FetchResult.fetched(linkId, Titles.fromUrl(url), mimeType);
    }
    byte[] body = entity.getContent().readNBytes(MAX_BYTES);
    String charset = supported(type.getParameter("charset"));
    String title =
        Titles.fromHtml(Jsoup.parse(new ByteArrayInputStream(body), charset, url.toString()))
            .orElseGet(() -> Titles.fromUrl(url));
    return FetchResult.fetched(linkId, title, mimeType);
  }

  /** The media type as sent, unless it is not one: an origin may send anything in that header. */
  private static String mimeType(ContentType type) {
    String name = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
    return MEDIA_TYPE.matcher(name).matches() ? name : UNKNOWN_TYPE;
  }

  /** A charset name jsoup can use, or null so that jsoup detects it from the bytes. */
  private static String supported(String charset) {
    try {
      return charset != null && Charset.isSupported(charset) ? charset : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String reason(IOException e) {
    if (e instanceof BlockedAddressException) {
      return "address not allowed";
    }
    if (e instanceof UnknownHostException) {
      return "host not found";
    }
    if (e instanceof InterruptedIOException) {
      return "timed out after " + timeout.toSeconds() + " s";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof SSLException) {
      return "TLS error";
    }
    if (e.getCause() instanceof CircularRedirectException) {
      return "redirect loop";
    }
    if (e.getCause() instanceof RedirectException) {
      return "too many redirects";
    }
    return "connection failed";
  }

  private static CloseableHttpClient httpClient(AddressGuard guard, Timeout timeout) {
    ConnectionConfig connections =
        ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build();
    RequestConfig requests =
        RequestConfig.custom().setMaxRedirects(MAX_REDIRECTS).setResponseTimeout(timeout).build();
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(8)
                .build())
        .setDefaultRequestConfig(requests)
        .disableCookieManagement()
        .setUserAgent(USER_AGENT)
        .build();
  }
}
