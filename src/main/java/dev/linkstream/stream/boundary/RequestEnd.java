package dev.linkstream.stream.boundary;

import dev.linkstream.stream.control.Subscription;
import dev.linkstream.stream.control.Subscription.Ending;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Ends a subscription when the server ends the request under it. Open Liberty ends the request of a
 * client that reset its connection before the answer, and every write to it succeeds after that:
 * only this tells that the client has gone. For a stream that ended otherwise it changes nothing.
 */
final class RequestEnd implements AsyncListener {

  private final Subscription subscription;

  RequestEnd(Subscription subscription) {
    this.subscription = subscription;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    subscription.close(Ending.GONE);
  }

  @Override
  public void onError(AsyncEvent event) {
    subscription.close(Ending.GONE);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    subscription.close(Ending.GONE);
  }

  /** A request started again drops its listeners unless they add themselves anew. */
  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this);
  }
}
