package dev.linkstream.stream.boundary;

import dev.linkstream.accounts.boundary.Authentication;
import dev.linkstream.accounts.boundary.Requires;
import dev.linkstream.accounts.control.Credentials;
import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.control.LinkStore.HistoryRange;
import dev.linkstream.links.entity.HistoryCheck;
import dev.linkstream.links.entity.LinkEvent;
import dev.linkstream.platform.boundary.ProblemResponses;
import dev.linkstream.platform.control.OneAtATime;
import dev.linkstream.platform.entity.Jsonp;
import dev.linkstream.stream.control.FanOut;
import dev.linkstream.stream.control.Recent;
import dev.linkstream.stream.control.StreamMetrics;
import dev.linkstream.stream.control.Subscribers;
import dev.linkstream.stream.control.Subscription;
import dev.linkstream.stream.control.Subscription.Ending;
import dev.linkstream.stream.control.Writers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;

/**
 * Owns the stream: the broadcaster, every subscription and every event sent to them. Events are
 * broadcast in id order because one drain at a time sends whatever the store recorded since the
 * last one sent, no matter in which order the notifications arrive.
 */
@Path("links/stream")
@ApplicationScoped
public class LinkStream {

  private static final Logger LOG = Logger.getLogger(LinkStream.class.getName());
  static final int WRITER_LOOPS = 32;
  static final String RESET = "reset";
  static final String REFUSED = "refused";
  private static final int BATCH = 500;
  // Events kept in memory for subscriptions that resume close behind: a reconnect storm's clients
  // are a few events back, and with 10,000 subscribers this is some 1 MB at most.
  private static final int RECENT = 1_000;

  /**
   * Comments that follow each heartbeat, a little apart: a write to a client that has vanished
   * succeeds on Payara until the connection's failure is known, at the second write after a reset
   * and the third after a FIN; so every vanished client is let go by the heartbeat's last probe.
   */
  static final int PROBES = 2;

  static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

  /** How often open streams are checked for a session signed out or a token revoked. */
  static final Duration SIGN_IN_CHECK = Duration.ofMillis(500);

  /** How long a JVM asked to exit keeps the streams open for the server to close its port. */
  static final Duration PORT_CLOSE = Duration.ofSeconds(5);

  @Inject LinkStore store;
  @Inject StreamMetrics metrics;
  @Inject Credentials credentials;

  @Resource ManagedThreadFactory threads;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "linkstream.stream.heartbeat")
  Duration heartbeat;

  @Inject
  @ConfigProperty(name = "linkstream.stream.retry")
  Duration retry;

  @Inject
  @ConfigProperty(name = "linkstream.stream.buffer")
  int bufferSize;

  @Inject
  @ConfigProperty(name = "linkstream.stream.write-timeout")
  Duration writeTimeout;

  @Inject
  @ConfigProperty(name = "linkstream.stream.max-subscribers")
  int maxSubscribers;

  @Inject
  @ConfigProperty(name = "linkstream.stream.max-subscribers-per-address")
  int maxSubscribersPerAddress;

  @Inject
  @ConfigProperty(name = "linkstream.stream.spare-writers")
  int spareWriters;

  // No more recent events than the history keeps, so that a client the history has left behind is
  // told to start over, whether it resumes from memory or from the database.
  @Inject
  @ConfigProperty(name = "linkstream.stream.history")
  int historySize;

  private final OneAtATime drains =
      new OneAtATime(
          this::drain, e -> LOG.fine(() -> "A drain failed, the next heartbeat retries it: " + e));
  // The probes running, by address; "" for every stream.
  private final Map<String, CompletableFuture<Void>> probes = new ConcurrentHashMap<>();
  // From the first subscriber's request, not a @Context field: this bean also observes events, and
  // once, right after a restart with links pending, it was created with that field still null.
  private volatile Sse sse;
  private SseBroadcaster broadcaster;
  private FanOut fanOut;
  private Subscribers subscribers;
  private Writers writers;
  private Recent recent;
  private Subscription.Settings settings;
  private ScheduledFuture<?> heartbeats;
  private ScheduledFuture<?> signInChecks;
  private ScheduledFuture<?> rescues;
  private Counter writersStarted;
  private Counter doorbells;
  private Counter pollsFound;
  private final Map<Subscription, Caller> callers = new ConcurrentHashMap<>();
  private volatile long lastSent;
  private volatile long lastBeat;
  private Thread endStreamsOnExit;
  // Where streams came in: the ports whose closing a stop waits for.
  private final Set<InetSocketAddress> ports = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);

  @PostConstruct
  void open() {
    subscribers = new Subscribers(maxSubscribers, maxSubscribersPerAddress);
    // A stuck write holds a loop; each subscription holds at most one.
    writers = new Writers(threads, WRITER_LOOPS, spareWriters, WRITER_LOOPS + maxSubscribers);
    recent = new Recent(Math.min(RECENT, historySize));
    settings =
        new Subscription.Settings(
            this::recentOrStoredAfter,
            writers,
            bufferSize,
            writeTimeout,
            metrics.sent(),
            metrics.replayed(),
            metrics.heals());
    metrics.subscribers(subscribers::count);
    metrics.writers(writers::loops);
    writersStarted = metrics.writersStarted();
    doorbells = metrics.doorbells();
    pollsFound = metrics.pollsFound();
    metrics.drainLag(this::drainLag);
    lastSent = store.historyRange().last();
    fanOut = new FanOut(subscribers, writers::executeAll, lastSent);
    lastBeat = System.nanoTime();
    long period = heartbeat.toMillis();
    heartbeats = scheduler.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    long check = SIGN_IN_CHECK.toMillis();
    signInChecks =
        scheduler.scheduleWithFixedDelay(this::endSignedOut, check, check, TimeUnit.MILLISECONDS);
    long rescue = Writers.STUCK_AFTER.toMillis() / 4;
    rescues =
        scheduler.scheduleWithFixedDelay(
            this::rescueWriters, rescue, rescue, TimeUnit.MILLISECONDS);
    endStreamsOnExit = threads.newThread(this::closeOncePortsRefuse);
    Runtime.getRuntime().addShutdownHook(endStreamsOnExit);
  }

  // At start-up, so that the stream's metrics and liveness are there before anyone subscribes.
  void startEarly(@Observes Startup startup) {}

  @PreDestroy
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(endStreamsOnExit);
    } catch (IllegalStateException exiting) {
      // the JVM is exiting: the hook has run or runs now, and closing twice is harmless
    }
    close();
  }

  /**
   * When the JVM is asked to exit (SIGTERM, as service managers stop a server), ends the streams
   * once the ports they came in on refuse connections. A client whose stream ends reconnects after
   * {@code retry}, and must then find the port closed (it tries again) or a server that streams,
   * never one that answers 404 or 503 (it gives up): until then the streams stay open, and new ones
   * are served. Open Liberty closes its port first and then waits up to 30 s for open connections
   * before it stops the application, so this ends that wait; Payara Micro stops the application
   * first, which ends them itself ({@link #stop()}).
   */
  private void closeOncePortsRefuse() {
    long deadline = System.nanoTime() + PORT_CLOSE.toNanos();
    try {
      boolean stopped = false;
      while (!stopped
          && System.nanoTime() < deadline
          && ports.stream().anyMatch(LinkStream::accepts)) {
        stopped = closed.await(50, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      // the application is being stopped: its streams end now
      Thread.currentThread().interrupt();
    }
    close();
  }

  private static boolean accepts(InetSocketAddress port) {
    try (Socket socket = new Socket()) {
      socket.connect(port, 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Ends every stream: each client sees its stream end and reconnects, resuming from the last id it
   * saw.
   */
  synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    closed.countDown();
    heartbeats.cancel(false);
    signInChecks.cancel(false);
    rescues.cancel(false);
    if (broadcaster != null) {
      broadcaster.close();
    }
    subscribers.all().forEach(Subscription::close);
    writers.close();
  }

  /**
   * Every change after the last event the client has seen: the {@code Last-Event-ID} a browser
   * sends when it reconnects, or {@code lastEventId} on a first connection. Without either, the
   * changes from now on.
   */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Requires(Need.READ)
  public void subscribe(
      @Context SseEventSink sink,
      @Context Sse requestSse,
      @Context HttpServletRequest request,
      @Context HttpServletResponse response,
      @HeaderParam("Last-Event-ID") String lastEventIdHeader,
      @QueryParam("lastEventId") String lastEventId) {
    Long seen = seen(lastEventIdHeader, lastEventId);
    if (closed.getCount() == 0) {
      // The application is stopping: a stream that ends at once sends the client back after
      // retry, where a 503 would be final for it.
      sink.send(subscribed(requestSse)).whenComplete((sent, failed) -> sink.close());
      return;
    }
    ports.add(new InetSocketAddress(request.getLocalAddr(), request.getLocalPort()));
    startBroadcasting(requestSse);
    List<OutboundSseEvent> greeting = new ArrayList<>();
    long from = seen == null || !recent.holdsAfter(seen) ? fromHistory(seen, greeting) : seen;
    String address = request.getRemoteAddr();
    Subscription subscription = new Subscription(sink, address, from, settings, this::left);
    // Read here, on the request's thread: the server knows the caller on no other.
    callers.put(subscription, Authentication.caller(request));
    // Counted before the client can see the greeting, so that whoever it tells sees it counted.
    boolean onTrial = admit(subscription);
    if (request.isAsyncStarted()) {
      request.getAsyncContext().addListener(new RequestEnd(subscription));
    }
    LOG.fine(
        () ->
            "Stream opened to "
                + address
                + (seen == null ? ", from now on" : ", after event " + seen));
    sink.send(subscribed(sse));
    startWhenCommitted(subscription, greeting, response, System.nanoTime());
    if (onTrial) {
      probe(address);
    }
  }

  /**
   * Lets the client in, on trial if its address is over its limit ({@link Subscribers}), or refuses
   * it with a {@code 503}, which an {@code EventSource} takes as final. When the server is full, it
   * first has every stream probed, and waits for a place until the probes are written, however long
   * the writers take to get to them, for at most the write timeout.
   */
  private boolean admit(Subscription subscription) {
    try {
      Future<?> probe = subscribers.full() ? probe(null) : CompletableFuture.completedFuture(null);
      return subscribers.admit(subscription, probe, writeTimeout);
    } catch (Subscribers.Full full) {
      callers.remove(subscription);
      metrics.dropped("limit");
      LOG.fine(() -> "Refused a stream to " + subscription.address() + ": " + full.getMessage());
      throw new ServiceUnavailableException(full.getMessage(), Math.max(1, retry.toSeconds()));
    } catch (InterruptedException e) {
      callers.remove(subscription);
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("the server is stopping", retry.toSeconds());
    }
  }

  /**
   * As many writes as it takes to find a closed connection, each a probe interval after the last
   * was written, to the streams from the address, or to every stream if it is null; one round at a
   * time for each, however many streams are on trial or requests wait for it. Only the address's
   * own: a client that keeps its address full cannot have the server write to everyone.
   */
  private Future<?> probe(String address) {
    String whom = address == null ? "" : address;
    CompletableFuture<Void> round = new CompletableFuture<>();
    CompletableFuture<Void> running = probes.putIfAbsent(whom, round);
    if (running != null) {
      return running;
    }
    List<Subscription> probed = address == null ? subscribers.all() : subscribers.from(address);
    CompletableFuture.completedFuture(probed)
        .thenCompose(streams -> probe(streams, PROBES + 1))
        .whenComplete(
            (done, failed) -> {
              probes.remove(whom, round);
              round.complete(null);
              subscribers.probed(address).forEach(this::refuse);
            });
    return round;
  }

  private CompletableFuture<Void> probe(List<Subscription> streams, int times) {
    OutboundSseEvent probe = sse.newEventBuilder().comment("probe").build();
    CompletableFuture<Void> written =
        CompletableFuture.allOf(
            streams.stream().map(stream -> stream.probe(probe)).toArray(CompletableFuture[]::new));
    return times == 1
        ? written
        : written
            .thenCompose(none -> afterProbeInterval())
            .thenCompose(none -> probe(streams, times - 1));
  }

  // Time for a connection's reset to come back after the write that caused it.
  private CompletableFuture<Void> afterProbeInterval() {
    CompletableFuture<Void> later = new CompletableFuture<>();
    scheduler.schedule(
        () -> later.complete(null), probeInterval().toMillis(), TimeUnit.MILLISECONDS);
    return later;
  }

  private Duration probeInterval() {
    return Duration.ofMillis(
        Math.min(PROBE_INTERVAL.toMillis(), heartbeat.toMillis() / (4 * PROBES)));
  }

  /**
   * Jersey writes what is queued before the response is committed on the request's own thread and
   * logs any failure there as SEVERE; so only the greeting goes that way, and the subscription
   * starts writing once the response is out.
   */
  private void startWhenCommitted(
      Subscription subscription,
      List<OutboundSseEvent> greeting,
      HttpServletResponse response,
      long since) {
    if (response.isCommitted() || System.nanoTime() - since > writeTimeout.toNanos()) {
      subscription.start(greeting);
    } else {
      scheduler.schedule(
          () -> startWhenCommitted(subscription, greeting, response, since),
          5,
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Ends a stream let in on trial for which no place was given up: it tells why, as a {@code 503}
   * would, and its client comes back after {@code retry}, resuming after the last event it got.
   */
  private void refuse(Subscription subscription) {
    String detail = subscribers.overLimit(subscription.address());
    LOG.fine(() -> "Ended a stream on trial to " + subscription.address() + ": " + detail);
    String problem = ProblemResponses.document(Response.Status.SERVICE_UNAVAILABLE, detail);
    subscription.endWith(sse.newEventBuilder().name(REFUSED).data(problem).build(), Ending.LIMIT);
  }

  /** Empty data, which no client dispatches: Jersey writes retry: only for an event with data. */
  private OutboundSseEvent subscribed(Sse events) {
    return events
        .newEventBuilder()
        .comment("subscribed")
        .reconnectDelay(retry.toMillis())
        .data("")
        .build();
  }

  /**
   * Once, with the first subscriber's request. Every later one only reads {@code sse}: a broadcast
   * holds this bean's lock while it waits for the fan-out to have room, and in a reconnect storm on
   * Open Liberty requests queued behind it for 100 s in all.
   */
  private void startBroadcasting(Sse requestSse) {
    if (sse == null) {
      synchronized (this) {
        if (sse == null) {
          broadcaster = requestSse.newBroadcaster();
          broadcaster.register(fanOut);
          sse = requestSse;
        }
      }
    }
  }

  private void left(Subscription subscription) {
    callers.remove(subscription);
    subscribers.leave(subscription);
    Ending why = subscription.ending();
    LOG.fine(() -> "Stream to " + subscription.address() + " ended: " + why);
    if (why != Ending.CLOSED) {
      metrics.dropped(why.name().toLowerCase(Locale.ROOT));
    }
  }

  /** True while the heartbeat keeps its schedule and every writer loop runs. */
  public boolean isAlive() {
    long sinceBeat = System.nanoTime() - lastBeat;
    return sinceBeat < heartbeat.multipliedBy(3).toNanos() && writers.allRunning();
  }

  @GET
  @Path("subscribers")
  @Requires(Need.READ)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject subscribers() {
    return Jsonp.object().add("subscribers", subscribers.count()).build();
  }

  void onChange(@ObservesAsync LinkEvent change) {
    drainSoon();
  }

  /**
   * Sends what other instances added to the history, when the database says it has grown and at
   * every poll; a poll that finds something means a notification was lost, or came late.
   */
  void onHistoryCheck(@Observes HistoryCheck check) {
    if (check.rung()) {
      doorbells.inc();
    }
    long before = lastSent;
    drainSoon();
    if (!check.rung() && lastSent > before) {
      pollsFound.inc();
    }
  }

  /** How far this instance is behind the history; 0 while the database cannot be reached. */
  private long drainLag() {
    try {
      return Math.max(0, store.historyRange().last() - lastSent);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * One drain at a time, and no thread waits for it: a request that arrives while a drain runs only
   * makes that drain look once more. A drain that fails (the database is gone) leaves {@code
   * lastSent} where it was, and the next heartbeat drains again.
   */
  private void drainSoon() {
    drains.run();
  }

  private void drain() {
    if (sse == null) {
      // Nobody has subscribed yet: there is no one to send to.
      lastSent = store.historyRange().last();
      return;
    }
    List<OutboundSseEvent> events;
    while (!(events = historyAfter(lastSent)).isEmpty()) {
      for (OutboundSseEvent event : events) {
        recent.add(event);
        broadcast(event);
        lastSent = Long.parseLong(event.getId());
      }
    }
  }

  /**
   * Through the one sink registered, which hands the event to every subscription. Should the
   * broadcaster fail or give that sink up (Jersey's does both when a sink's buffer overflows,
   * eclipse-ee4j/jersey#4551), a fresh one takes its place; a subscription that missed an event
   * then reads it from the history, and the heals metric counts it.
   */
  private synchronized void broadcast(OutboundSseEvent event) {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      if (fanOut.isClosed()) {
        replaceBroadcaster("it gave up its sink");
      }
      fanOut.awaitRoom(writeTimeout);
      broadcaster.broadcast(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fanOut.refused();
      replaceBroadcaster("it failed: " + e);
    }
  }

  private void replaceBroadcaster(String why) {
    LOG.log(Level.WARNING, "Replacing the broadcaster, because " + why);
    broadcaster.close();
    fanOut = new FanOut(subscribers, writers::executeAll, fanOut.lastHandedOn());
    broadcaster = sse.newBroadcaster();
    broadcaster.register(fanOut);
  }

  /**
   * Finds connections that are gone or stuck: a write to each either fails or times out. It also
   * sends what a lost notification or a failed drain left unsent. It must not throw: a periodic
   * task that throws is never run again.
   */
  private void beat() {
    lastBeat = System.nanoTime();
    if (sse == null) {
      return;
    }
    try {
      long now = System.nanoTime();
      subscribers.all().stream().filter(s -> s.stalled(now)).forEach(s -> s.close(Ending.SLOW));
      drainSoon();
      long last = fanOut.lastHandedOn();
      subscribers.forEach(subscription -> subscription.catchUpTo(last));
      broadcast(sse.newEventBuilder().comment("heartbeat").build());
      long interval = probeInterval().toMillis();
      for (int n = 1; n <= PROBES; n++) {
        scheduler.schedule(this::probeAll, n * interval, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A heartbeat failed", e);
    }
  }

  // It must not throw: it runs on the server's scheduler.
  private void probeAll() {
    try {
      broadcast(sse.newEventBuilder().comment("probe").build());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A probe failed", e);
    }
  }

  // It must not throw, or it would never run again.
  private void rescueWriters() {
    try {
      writersStarted.inc(writers.rescue(System.nanoTime()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Starting a writer loop failed", e);
    }
  }

  /**
   * Ends the streams of sessions signed out, tokens revoked or expired and accounts removed, on
   * whichever instance that happened: each credential is looked up once. It must not throw, or it
   * would never run again.
   */
  private void endSignedOut() {
    try {
      Map<String, Boolean> holds = new HashMap<>();
      callers.forEach(
          (subscription, caller) -> {
            if (!holds.computeIfAbsent(caller.ending(), key -> credentials.hold(caller))) {
              subscription.close(Ending.CLOSED);
            }
          });
    } catch (RuntimeException e) {
      LOG.fine(() -> "Checking the streams' sign-ins failed, the next check retries it: " + e);
    }
  }

  /** Where a client starts that is not close behind; and a reset first, if it must start over. */
  private long fromHistory(Long seen, List<OutboundSseEvent> greeting) {
    HistoryRange history = store.historyRange();
    long from = seen == null ? history.last() : seen;
    if (!history.continues(from)) {
      // The client missed changes the history no longer holds: it must load the list again.
      from = history.last();
      greeting.add(reset(from));
    }
    return from;
  }

  private List<OutboundSseEvent> recentOrStoredAfter(long id) {
    return recent.after(id, BATCH).orElseGet(() -> historyAfter(id));
  }

  private List<OutboundSseEvent> historyAfter(long id) {
    return store.eventsAfter(id, BATCH).stream().map(this::toSse).toList();
  }

  private OutboundSseEvent toSse(LinkEvent event) {
    return event(event.id(), event.name(), event.data());
  }

  private OutboundSseEvent reset(long id) {
    return event(id, RESET, Jsonp.object().add("lastEventId", id).build().toString());
  }

  /**
   * With its data as UTF-8 bytes, made once for every subscriber: a String would be encoded again
   * for each one, and on Payara each time into a new 8 KB buffer.
   */
  private OutboundSseEvent event(long id, String name, String data) {
    return sse.newEventBuilder()
        .id(String.valueOf(id))
        .name(name)
        .mediaType(MediaType.TEXT_PLAIN_TYPE)
        .data(byte[].class, data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static Long seen(String header, String query) {
    if (header != null && !header.isBlank()) {
      try {
        return Long.parseLong(header.strip());
      } catch (NumberFormatException e) {
        // not an id this server gave out: the client starts over, with a reset
        return -1L;
      }
    }
    if (query == null || query.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(query.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below, like a negative number
    }
    throw new BadRequestException("lastEventId must be a whole number from 0");
  }
}
