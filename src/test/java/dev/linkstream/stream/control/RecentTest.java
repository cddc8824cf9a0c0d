package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecentTest {

  final Recent recent = new Recent(5);

  void send(long from, long to) {
    LongStream.rangeClosed(from, to).forEach(id -> recent.add(Event.withId(id)));
  }

  static List<String> ids(Optional<List<OutboundSseEvent>> events) {
    return events.orElseThrow().stream().map(OutboundSseEvent::getId).toList();
  }

  @Test
  void givesWhatFollowsAnIdItHoldsOnInOrder() {
    send(1, 4);

    assertEquals(List.of("2", "3", "4"), ids(recent.after(1, 10)));
    assertEquals(List.of("1", "2", "3", "4"), ids(recent.after(0, 10)));
    assertEquals(List.of("2", "3"), ids(recent.after(1, 2)), "at most the limit, the oldest first");
    assertEquals(List.of(), ids(recent.after(4, 10)), "nothing is newer than the newest");
  }

  @Test
  void keepsOnlyTheNewestAndSendsOlderOnesToTheHistory() {
    send(1, 8);

    assertEquals(List.of("4", "5", "6", "7", "8"), ids(recent.after(3, 10)));
    assertTrue(recent.after(2, 10).isEmpty(), "event 3 is no longer held");
  }

  @Test
  void anIdItHasNotSentYetIsTheHistorysToAnswer() {
    send(1, 4);

    assertTrue(recent.after(5, 10).isEmpty());
    assertFalse(recent.holdsAfter(5));
  }

  @Test
  void anEventThatDoesNotFollowOnStartsItAnew() {
    send(1, 4);
    send(7, 7);

    assertTrue(recent.after(4, 10).isEmpty(), "5 and 6 were never added");
    assertEquals(List.of(), ids(recent.after(7, 10)));
    assertTrue(recent.after(6, 10).isPresent());
  }

  @Test
  void holdsNothingBeforeTheFirstEvent() {
    assertFalse(recent.holdsAfter(0));
    assertTrue(recent.after(0, 10).isEmpty());
  }
}
