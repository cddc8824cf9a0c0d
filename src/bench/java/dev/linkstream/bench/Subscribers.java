package dev.linkstream.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many SSE subscribers on one event-loop thread, each from a loopback source address (127.1.x.y
 * unless told otherwise) shared by at most {@value #PER_ADDRESS} (or as told), checking every event
 * id it receives: ids must follow one another without a gap or a repeat. Receipt times are kept per
 * event id, across all subscribers.
 */
final class Subscribers implements AutoCloseable {

  static final int PER_ADDRESS = 40;
  static final int MAX_EVENT_ID = 2_000_000;
  static final int IN_FLIGHT = 256;
  private static final int RETRY_SECONDS = 3;

  private final MultiThreadIoEventLoopGroup loop =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final InetSocketAddress server;
  private final List<Subscriber> all = new ArrayList<>();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

  /** Streams the server refused with 503 (and that were tried again), since the start. */
  final AtomicLong refusals = new AtomicLong();

  // Written on the event loop only; read once a measurement has settled.
  final long[] lastReceipt = new long[MAX_EVENT_ID];
  final long[] firstReceipt = new long[MAX_EVENT_ID];
  final int[] receipts = new int[MAX_EVENT_ID];

  // The event loop's own lateness: a late receipt may be the harness's, not the server's.
  private static final long PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private long probeDue;
  private final AtomicLong worstLag = new AtomicLong();

  private final String authorization;
  private final String network;
  private final int perAddress;
  private final int receiveBuffer;

  Subscribers(InetSocketAddress server, String authorization) {
    this(server, authorization, "127.1.");
  }

  /**
   * Subscribers from source addresses {@code network}x.y: another network than other subscribers',
   * so that the server's limit per address never counts theirs, gone or not.
   */
  Subscribers(InetSocketAddress server, String authorization, String network) {
    this(server, authorization, network, PER_ADDRESS, 0);
  }

  /**
   * As {@link #Subscribers(InetSocketAddress, String, String)}, {@code perAddress} to an address,
   * each with a receive buffer of {@code receiveBuffer} bytes (the system's default if 0): a small
   * one makes a client that stops reading hold the server's writes back at once.
   */
  Subscribers(
      InetSocketAddress server,
      String authorization,
      String network,
      int perAddress,
      int receiveBuffer) {
    this.server = server;
    this.authorization = authorization;
    this.network = network;
    this.perAddress = perAddress;
    this.receiveBuffer = receiveBuffer;
    probeDue = System.nanoTime() + PROBE_NANOS;
    loop.scheduleWithFixedDelay(this::probe, PROBE_NANOS, PROBE_NANOS, TimeUnit.NANOSECONDS);
  }

  private void probe() {
    long now = System.nanoTime();
    worstLag.accumulateAndGet(now - probeDue, Math::max);
    probeDue = now + PROBE_NANOS;
  }

  /**
   * The longest this harness's event loop was late, in ms, since the last call: receipts in that
   * time may have waited on the harness rather than on the server.
   */
  long worstLagMillis() {
    return worstLag.getAndSet(0) / 1_000_000;
  }

  int size() {
    return all.size();
  }

  /**
   * Opens subscribers until there are {@code total}, at most {@value #IN_FLIGHT} waiting for their
   * answer at a time (so the server's accept queue is not flooded), and waits for every answer.
   */
  void growTo(int total, long lastEventId) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(total - all.size());
    while (all.size() < total) {
      inFlight.acquire();
      Subscriber subscriber = new Subscriber(all.size(), answered);
      all.add(subscriber);
      subscriber.connect(lastEventId);
    }
    await(answered);
  }

  private void await(CountDownLatch answered) throws InterruptedException {
    if (!answered.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(answered.getCount() + " subscribers got no answer");
    }
    long refused = all.stream().filter(s -> !s.open && !s.retrying).count();
    if (refused > 0) {
      throw new IllegalStateException(refused + " subscribers were refused or closed");
    }
  }

  /** Closes every subscriber and opens it again, resuming from the last event it received. */
  void reconnectAll() throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(all.size());
    for (Subscriber subscriber : all) {
      subscriber.channel.close().sync();
    }
    for (Subscriber subscriber : all) {
      inFlight.acquire();
      subscriber.answered = answered;
      subscriber.connect(subscriber.lastId);
    }
    await(answered);
  }

  /** Stops reading from every {@code every}-th subscriber; the server sees a stalled client. */
  List<Subscriber> stall(int every) {
    List<Subscriber> stalled = new ArrayList<>();
    for (int i = 0; i < all.size(); i += every) {
      Subscriber subscriber = all.get(i);
      subscriber.channel.config().setAutoRead(false);
      subscriber.stalled = true;
      stalled.add(subscriber);
    }
    return stalled;
  }

  /** Closes the stalled subscribers for good. */
  void closeStalled() throws InterruptedException {
    for (Subscriber subscriber : List.copyOf(all)) {
      if (subscriber.stalled) {
        subscriber.channel.close().sync();
        all.remove(subscriber);
      }
    }
  }

  /**
   * Gaps and repeats so far, over the subscribers still reading; how many events before {@code
   * lastId} they still lack; and how many the server has closed.
   */
  Tally tally(long lastId) {
    long gaps = 0;
    long duplicates = 0;
    long behind = 0;
    long closed = 0;
    for (Subscriber subscriber : all) {
      if (!subscriber.stalled) {
        gaps += subscriber.gaps;
        duplicates += subscriber.duplicates;
        behind += Math.max(0, lastId - subscriber.lastId);
        closed += subscriber.open || subscriber.retrying ? 0 : 1;
      }
    }
    return new Tally(gaps, duplicates, behind, closed);
  }

  record Tally(long gaps, long duplicates, long behind, long closed) {}

  int reading() {
    return (int) all.stream().filter(s -> !s.stalled).count();
  }

  /** Whether every reading subscriber has received event {@code id}. */
  boolean allReceived(long id) {
    return all.stream().allMatch(s -> s.stalled || s.lastId >= id);
  }

  @Override
  public void close() throws InterruptedException {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  final class Subscriber {
    private final InetSocketAddress local;
    private final StringBuilder line = new StringBuilder();
    private CountDownLatch answered;
    private volatile boolean waiting;
    // From a refusal until the next answer: closed, but as an EventSource is, coming back.
    private volatile boolean retrying;
    // Its stream ended with Linkstream's refused event: over a limit, it ends its trial.
    private boolean refusedEvent;
    private Channel channel;
    volatile boolean open;
    volatile boolean stalled;
    volatile long lastId;
    long gaps;
    long duplicates;
    private long frameId = -1;

    Subscriber(int index, CountDownLatch answered) {
      int address = index / perAddress;
      this.local = new InetSocketAddress(network + (address / 250) + "." + (address % 250 + 1), 0);
      this.answered = answered;
    }

    /** Counts the answer, or the failure to get one, exactly once per connection. */
    private void answered() {
      if (waiting) {
        waiting = false;
        inFlight.release();
        answered.countDown();
      }
    }

    void connect(long resumeFrom) {
      connect(resumeFrom, true);
    }

    /**
     * With {@code awaited} false, its answer was counted already, and it holds no place in flight.
     */
    private void connect(long resumeFrom, boolean awaited) {
      lastId = resumeFrom;
      waiting = awaited;
      refusedEvent = false;
      open = false;
      line.setLength(0);
      frameId = -1;
      Bootstrap bootstrap =
          new Bootstrap()
              .group(loop)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
      if (receiveBuffer > 0) {
        bootstrap.option(ChannelOption.SO_RCVBUF, receiveBuffer);
      }
      ChannelFuture connected =
          bootstrap
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel.pipeline().addLast(new HttpClientCodec(), new Reader());
                    }
                  })
              .connect(server, local);
      channel = connected.channel();
      connected.addListener(
          done -> {
            if (!done.isSuccess()) {
              retrying = false;
              answered();
              return;
            }
            DefaultFullHttpRequest request =
                new DefaultFullHttpRequest(
                    HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/links/stream");
            request.headers().set(HttpHeaderNames.HOST, "127.0.0.1");
            request.headers().set(HttpHeaderNames.ACCEPT, "text/event-stream");
            if (!authorization.isEmpty()) {
              request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
            }
            if (resumeFrom > 0) {
              request.headers().set("Last-Event-ID", String.valueOf(resumeFrom));
            }
            channel.writeAndFlush(request);
          });
    }

    /** One per connection: Netty handlers belong to one pipeline. */
    private final class Reader extends SimpleChannelInboundHandler<HttpObject> {
      @Override
      protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
        if (message instanceof HttpResponse response && response.status().code() == 503) {
          // Full, as a browser's EventSource would be told: it tries again a little later.
          refusals.incrementAndGet();
          retrying = true;
          context.close();
          loop.schedule(() -> connect(lastId), RETRY_SECONDS, TimeUnit.SECONDS);
          return;
        }
        if (message instanceof HttpResponse response) {
          open = response.status().code() == 200;
          retrying = false;
          answered();
        }
        if (message instanceof HttpContent content) {
          read(content.content());
        }
      }

      @Override
      public void channelInactive(ChannelHandlerContext context) {
        if (refusedEvent) {
          // As an EventSource does with a stream that ends: back after the retry, from its last id.
          refusals.incrementAndGet();
          retrying = true;
          loop.schedule(() -> connect(lastId, false), RETRY_SECONDS, TimeUnit.SECONDS);
        }
        open = false;
        if (!retrying) {
          answered();
        }
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
      }
    }

    private void read(ByteBuf bytes) {
      long now = System.nanoTime();
      String text = bytes.toString(StandardCharsets.UTF_8);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '\n') {
          line.append(c);
          continue;
        }
        if (line.length() == 0) {
          if (frameId >= 0) {
            received(frameId, now);
          }
          frameId = -1;
        } else if (line.length() > 4 && line.charAt(0) == 'i' && line.charAt(2) == ':') {
          frameId = Long.parseLong(line.substring(3).strip());
        } else if (line.charAt(0) == 'e' && "event: refused".contentEquals(line)) {
          refusedEvent = true;
        }
        line.setLength(0);
      }
    }

    private void received(long id, long now) {
      if (id <= lastId) {
        duplicates++;
        return;
      }
      gaps += id - lastId - 1;
      if (id < MAX_EVENT_ID) {
        if (receipts[(int) id]++ == 0) {
          firstReceipt[(int) id] = now;
        }
        lastReceipt[(int) id] = Math.max(lastReceipt[(int) id], now);
      }
      // Last, so that whoever reads this volatile field sees the receipt recorded before it.
      lastId = id;
    }
  }
}
