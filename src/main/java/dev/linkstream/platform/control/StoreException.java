package dev.linkstream.platform.control;

import java.sql.SQLException;

/** The database failed a statement or could not be reached; nothing of the work was kept. */
public class StoreException extends RuntimeException {

  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
