package dev.linkstream.bench;

import io.netty.bootstrap.Bootstrap;
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
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients that open the stream and soon vanish, on one event-loop thread of their own: most of them
 * abruptly, closing with {@code SO_LINGER} 0 so that the server gets a reset and no FIN, as from a
 * phone that lost its network or a process killed; the rest close normally. Each lives a random
 * time, so some vanish before their answer, some while events are on their way to them.
 */
final class Churners implements AutoCloseable {

  /** Source addresses 127.2.x.y, taken in turn: far below the server's limit per address. */
  static final int ADDRESSES = 500;

  static final long MAX_LIFETIME_MILLIS = 2_000;

  /** One in this many closes normally, with a FIN; the others reset. */
  private static final int NORMAL_EVERY = 4;

  private final MultiThreadIoEventLoopGroup loop =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final InetSocketAddress server;
  private final String authorization;
  // Seeded: every run churns alike.
  private final SplittableRandom random = new SplittableRandom(17);
  private long opened;

  private final AtomicInteger connected = new AtomicInteger();
  final AtomicLong streams = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong abrupt = new AtomicLong();
  final AtomicLong normal = new AtomicLong();
  final AtomicLong closedByServer = new AtomicLong();

  Churners(InetSocketAddress server, String authorization) {
    this.server = server;
    this.authorization = authorization;
  }

  /** Opens {@code perSecond} clients a second, evenly, for {@code duration}. */
  void churn(int perSecond, Duration duration) {
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long count = duration.toNanos() / interval;
    for (long i = 0; i < count; i++) {
      LockSupport.parkNanos(start + i * interval - System.nanoTime());
      open();
    }
  }

  /** Waits until every client opened has vanished: at most their longest life, and a little. */
  void awaitGone() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_LIFETIME_MILLIS + 5_000);
    while (connected.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (connected.get() > 0) {
      throw new IllegalStateException(connected.get() + " churning clients did not go");
    }
  }

  long opened() {
    return opened;
  }

  private void open() {
    boolean reset = random.nextInt(NORMAL_EVERY) != 0;
    // From 0: some vanish as soon as they have asked, before the server has answered.
    open(reset, random.nextLong(MAX_LIFETIME_MILLIS + 1));
  }

  /** Opens one client that vanishes after {@code lifetime} ms, with a reset or a FIN. */
  void open(boolean reset, long lifetime) {
    int address = (int) (opened++ % ADDRESSES);
    Reader reader = new Reader();
    InetSocketAddress local =
        new InetSocketAddress("127.2." + (address / 250) + "." + (address % 250 + 1), 0);
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), reader);
                  }
                });
    if (reset) {
      // Closing then sends a reset and forgets the connection: no FIN, no TIME_WAIT.
      bootstrap.option(ChannelOption.SO_LINGER, 0);
    }
    connected.incrementAndGet();
    ChannelFuture connecting = bootstrap.connect(server, local);
    Channel channel = connecting.channel();
    channel.closeFuture().addListener(closed -> connected.decrementAndGet());
    connecting.addListener(
        done -> {
          if (!done.isSuccess()) {
            failed.incrementAndGet();
            return;
          }
          DefaultFullHttpRequest request =
              new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/links/stream");
          request.headers().set(HttpHeaderNames.HOST, "127.0.0.1");
          request.headers().set(HttpHeaderNames.ACCEPT, "text/event-stream");
          if (!authorization.isEmpty()) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
          }
          channel.writeAndFlush(request);
          channel
              .eventLoop()
              .schedule(
                  () -> {
                    if (channel.isOpen()) {
                      reader.vanishing = true;
                      (reset ? abrupt : normal).incrementAndGet();
                      channel.close();
                    }
                  },
                  lifetime,
                  TimeUnit.MILLISECONDS);
        });
  }

  /**
   * One per connection: counts the answer; whatever the stream then sends is read and let go. Only
   * its event loop touches it.
   */
  private final class Reader extends SimpleChannelInboundHandler<HttpObject> {
    private boolean vanishing;

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
      if (message instanceof HttpResponse response) {
        if (response.status().code() == 200) {
          streams.incrementAndGet();
        } else {
          // Full, or the sign-in refused: not this client's to try again.
          refused.incrementAndGet();
          vanishing = true;
          context.close();
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
      if (!vanishing) {
        closedByServer.incrementAndGet();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      context.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }
}
