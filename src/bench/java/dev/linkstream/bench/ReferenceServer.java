package dev.linkstream.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yardstick: an SSE broadcaster on plain Netty that answers the benchmark's requests as
 * Linkstream does ({@code GET /api/links/stream}, resuming by {@code Last-Event-ID}; {@code POST
 * /api/links}; and {@code GET /api/links/stream/subscribers}, how many streams are open) with the
 * same events (a link pending, then fetched), and nothing else: no database, no fetch. A client
 * whose unsent events pass 1 MiB is dropped, as Linkstream bounds its buffers.
 */
public final class ReferenceServer {

  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]*)\"");
  private final ChannelGroup subscribers = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final List<ByteBuf> history = new ArrayList<>();

  public static void main(String[] args) throws InterruptedException {
    new ReferenceServer().serve(Integer.parseInt(args[0]));
  }

  void serve(int port) throws InterruptedException {
    MultiThreadIoEventLoopGroup loop =
        new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    new ServerBootstrap()
        .group(loop)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childOption(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 << 10, 1 << 20))
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel
                    .pipeline()
                    .addLast(
                        new HttpServerCodec(), new HttpObjectAggregator(65_536), new Handler());
              }
            })
        .bind("127.0.0.1", port)
        .sync()
        .channel()
        .closeFuture()
        .sync();
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
      if (request.method() == HttpMethod.GET
          && request.uri().equals("/api/links/stream/subscribers")) {
        // What the benchmark's churn soak asks Linkstream too: the channel group forgets a
        // channel as soon as it closes.
        respond(context, HttpResponseStatus.OK, "{\"subscribers\":" + subscribers.size() + "}");
      } else if (request.method() == HttpMethod.GET
          && request.uri().startsWith("/api/links/stream")) {
        subscribe(context.channel(), request.headers().get("Last-Event-ID"));
      } else if (request.method() == HttpMethod.POST && request.uri().equals("/api/links")) {
        Matcher url = URL.matcher(request.content().toString(StandardCharsets.UTF_8));
        String link = url.find() ? url.group(1) : "";
        long id;
        synchronized (history) {
          id = history.size() / 2 + 1;
        }
        publish(id, link, "pending");
        publish(id, link, "fetched");
        respond(context, HttpResponseStatus.ACCEPTED, "{\"id\":" + id + "}");
      } else {
        respond(context, HttpResponseStatus.NOT_FOUND, "{}");
      }
    }
  }

  private void subscribe(Channel channel, String lastEventId) {
    DefaultHttpResponse response =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
    HttpUtil.setTransferEncodingChunked(response, true);
    channel.write(response);
    channel.write(text(": subscribed\nretry: 3000\n\n"));
    synchronized (history) {
      int seen = lastEventId == null ? history.size() : Integer.parseInt(lastEventId.strip());
      for (int i = seen; i < history.size(); i++) {
        channel.write(new DefaultHttpContent(history.get(i).retainedDuplicate()));
      }
      subscribers.add(channel);
    }
    channel.flush();
  }

  private void publish(long linkId, String url, String status) {
    synchronized (history) {
      long eventId = history.size() + 1;
      String data = LinkEvent.json(linkId, url, status);
      ByteBuf event =
          Unpooled.copiedBuffer(
              "event: link-update\nid: " + eventId + "\ndata: " + data + "\n\n",
              StandardCharsets.UTF_8);
      history.add(event);
      for (Channel subscriber : subscribers) {
        if (subscriber.isWritable()) {
          subscriber.writeAndFlush(new DefaultHttpContent(event.retainedDuplicate()));
        } else {
          subscriber.close();
        }
      }
    }
  }

  private static DefaultHttpContent text(String text) {
    return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }

  private static void respond(
      ChannelHandlerContext context, HttpResponseStatus status, String json) {
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    HttpUtil.setContentLength(response, response.content().readableBytes());
    context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
  }
}
