package dev.linkstream.reading.control;

/**
 * A page whose title lies beyond the most the reader may read: the fetch fails for good, with this
 * message as its reason.
 */
public class TooLarge extends Exception {

  TooLarge(String reason) {
    super(reason, null, false, false);
  }
}
