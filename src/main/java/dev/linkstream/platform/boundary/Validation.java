package dev.linkstream.platform.boundary;

import jakarta.ws.rs.BadRequestException;
import java.util.function.Supplier;

/**
 * Request input made into values: the entities refuse what is wrong with an {@link
 * IllegalArgumentException} that says why, and the caller gets that as a 400.
 */
public final class Validation {

  private Validation() {}

  public static <T> T valid(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
