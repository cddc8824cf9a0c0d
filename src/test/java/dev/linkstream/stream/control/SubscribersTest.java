package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscribersTest {

  final Subscribers subscribers = new Subscribers(3, 2);
  final Subscription.Settings settings =
      new Subscription.Settings(
          id -> List.of(),
          Runnable::run,
          10,
          Duration.ofSeconds(1),
          new Count(),
          new Count(),
          new Count());

  Subscription join(String address) throws Subscribers.Full {
    subscribers.reserve(address);
    Subscription subscription =
        new Subscription(new Client(), address, 0, settings, subscribers::leave);
    subscribers.add(subscription);
    return subscription;
  }

  @Test
  void capsStreamsPerAddressAndInTotalAndFreesThemOnClose() throws Exception {
    Subscription first = join("127.0.0.1");
    join("127.0.0.1");
    Subscribers.Full perAddress = assertThrows(Subscribers.Full.class, () -> join("127.0.0.1"));
    assertEquals("127.0.0.1 has 2 streams open, as many as it allows", perAddress.getMessage());
    join("127.0.0.2");
    Subscribers.Full total = assertThrows(Subscribers.Full.class, () -> join("127.0.0.3"));
    assertEquals("the server has 3 streams open, as many as it allows", total.getMessage());
    assertEquals(3, subscribers.count());

    first.close();
    first.close();

    assertEquals(2, subscribers.count());
    join("127.0.0.1");
  }
}
