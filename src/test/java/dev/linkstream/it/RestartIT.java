package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.page.Chromium;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.TestAdmin;
import dev.linkstream.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser's own EventSource, with none of the page's logic to open it again, follows the stream
 * across a stop and a SIGKILL of the server and its start on the same port: it must never see an
 * answer it takes as final (any status but 200), and so sees every change once, in order.
 */
class RestartIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  // Not on Payara Micro, which answers 404 and 500 while it starts (docs/operating.md).
  @ParameterizedTest
  @EnumSource(names = "OPEN_LIBERTY")
  void aBrowsersEventSourceSeesEveryChangeOnceAcrossAStopAndACrash(ServerProcess.Runtime runtime)
      throws Exception {
    Chromium.assumeInstalled();
    Path data = dir.resolve("data");
    ServerProcess server = ServerProcess.start(runtime, data, dir.resolve("1"));
    int port = server.port();
    ChromeDriver browser = null;
    try {
      browser = Chromium.start(dir.resolve("chromium"), 800, 600);
      String authorization = TestTokens.authorization(server.url.toURI());
      // Any page of the server's does: what matters is that the stream is on the page's origin.
      browser.get(server.url + "app.css");
      long listed = follow(browser);
      List<Long> submitted = new ArrayList<>();

      submitted.add(submit(server, "before-the-stop"));
      awaitSeen(browser, submitted, List.of());

      server.close();
      Restarted stopped = restart(runtime, data, dir.resolve("2"), port, authorization);
      server = stopped.server();
      submitted.add(submit(server, "after-the-stop"));
      awaitSeen(browser, submitted, stopped.answers());
      stopped.assertNothingFinal();

      server.kill();
      Restarted crashed = restart(runtime, data, dir.resolve("3"), port, authorization);
      server = crashed.server();
      submitted.add(submit(server, "after-the-crash"));
      List<Long> seen = awaitSeen(browser, submitted, crashed.answers());
      crashed.assertNothingFinal();

      long last = seen.get(seen.size() - 1);
      assertEquals(
          LongStream.rangeClosed(listed + 1, last).boxed().toList(),
          seen,
          "the EventSource missed a change, saw one twice or out of order");
      assertEquals(List.of(), browser.executeScript("return window.closedStates"));
      assertEquals(0L, browser.executeScript("return window.resets"));
    } finally {
      if (browser != null) {
        browser.quit();
      }
      server.close();
    }
  }

  /**
   * Signs the browser in as a person would, with a session cookie (an EventSource sends no other
   * credentials), and opens a plain EventSource right after the list's last event.
   */
  private static long follow(ChromeDriver browser) {
    Object listed =
        browser.executeAsyncScript(
            """
            const [user, password, done] = arguments;
            (async () => {
              const signedIn = await fetch('/api/session', {
                method: 'POST',
                headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({user, password}),
              });
              if (signedIn.status !== 200) {
                return done('sign-in answered ' + signedIn.status);
              }
              const list = await fetch('/api/links?limit=1');
              const last = list.headers.get('Linkstream-Last-Event-ID');
              window.seen = [];
              window.finished = [];
              window.closedStates = [];
              window.resets = 0;
              const source = new EventSource('/api/links/stream?lastEventId=' + last);
              window.source = source;
              source.addEventListener('link-update', (e) => {
                window.seen.push(Number(e.lastEventId));
                const link = JSON.parse(e.data);
                if (link.status !== 'pending') {
                  window.finished.push(link.id);
                }
              });
              source.addEventListener('reset', () => window.resets++);
              // CLOSED here means the browser gave up on the stream for good.
              source.addEventListener('error', () => {
                if (source.readyState === EventSource.CLOSED) {
                  window.closedStates.push(new Date().toISOString());
                }
              });
              source.addEventListener('open', () => done(Number(last)), {once: true});
            })().catch((e) => done(String(e)));
            """,
            TestAdmin.USER,
            TestAdmin.PASSWORD);
    if (!(listed instanceof Number number)) {
      throw new AssertionError("the browser could not follow the stream: " + listed);
    }
    return number.longValue();
  }

  /** A server started where the last one ran, and how its stream's URL answered meanwhile. */
  private record Restarted(ServerProcess server, List<String> answers) {

    /**
     * Every time the stream's URL was asked for until it served the stream, it refused the
     * connection or answered 200: what an EventSource retries or follows.
     */
    void assertNothingFinal() {
      assertTrue(
          answers.stream().allMatch(answer -> answer.equals("refused") || answer.equals("200")),
          "while the server started, its stream's URL answered " + answers);
    }
  }

  /**
   * Starts the server on the port of the one that has just exited, asking for the stream all along.
   */
  private static Restarted restart(
      ServerProcess.Runtime runtime, Path data, Path work, int port, String authorization)
      throws Exception {
    StartupProbe probe = new StartupProbe(port, authorization);
    probe.start();
    try {
      ServerProcess started = ServerProcess.start(runtime, data, work, List.of(), port);
      try {
        Eventually.holds(DEADLINE, () -> probe.served, () -> "the stream was never served");
      } catch (AssertionError e) {
        started.close();
        throw e;
      }
      return new Restarted(started, List.copyOf(probe.answers));
    } finally {
      probe.interrupt();
      probe.join();
    }
  }

  /** A link to a port where nothing listens: it fails at once, a change of its own. */
  private static long submit(ServerProcess server, String name) {
    try (Api api = new Api(server.url)) {
      return api.submit("http://0.0.0.0:9/" + name + "-" + System.nanoTime())
          .getJsonNumber("id")
          .longValue();
    }
  }

  /** The ids the browser has seen, once it has seen every link submitted finish. */
  private static List<Long> awaitSeen(ChromeDriver browser, List<Long> links, List<String> answers)
      throws Exception {
    return Eventually.value(
        DEADLINE,
        () -> {
          Object closed = browser.executeScript("return window.closedStates");
          if (!((List<?>) closed).isEmpty()) {
            throw new AssertionError(
                "the browser gave up on the stream at "
                    + closed
                    + "; while the server started, its stream's URL answered "
                    + answers);
          }
          List<Long> finished = longs(browser.executeScript("return window.finished"));
          return finished.containsAll(links)
              ? Optional.of(longs(browser.executeScript("return window.seen")))
              : Optional.empty();
        },
        () -> "the browser saw only " + browser.executeScript("return window.seen"));
  }

  private static List<Long> longs(Object numbers) {
    return ((List<?>) numbers).stream().map(n -> ((Number) n).longValue()).toList();
  }

  /**
   * Asks for the stream on a bare socket, over and over, and notes how each attempt ended: refused,
   * an HTTP status, or a connection closed before one; it stops at the first stream served.
   */
  private static final class StartupProbe extends Thread {

    final List<String> answers = new CopyOnWriteArrayList<>();
    volatile boolean served;
    private final int port;
    private final String request;

    StartupProbe(int port, String authorization) {
      this.port = port;
      this.request =
          "GET /api/links/stream HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nAccept: text/event-stream\r\nAuthorization: "
              + authorization
              + "\r\nConnection: close\r\n\r\n";
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!served && !isInterrupted()) {
        String answer = ask();
        if (answers.isEmpty() || !answers.get(answers.size() - 1).equals(answer)) {
          answers.add(answer);
        }
        served = answer.equals("200");
        try {
          // The sampling interval is what is under test here: every answer the URL gives while the
          // server starts, not a condition to wait for.
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private String ask() {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
          line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? parts[1] : "closed before a status line";
      } catch (ConnectException e) {
        return "refused";
      } catch (IOException e) {
        return e.toString();
      }
    }
  }
}
