package dev.linkstream.platform.boundary;

import dev.linkstream.platform.control.StoreException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers failures that are not the client's fault with a problem document too: a database that
 * cannot be reached is worth retrying (503), anything else is a bug (500), logged here with its
 * cause. The client learns nothing about the inside.
 */
@Provider
public class UnexpectedFailures implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class.getName());

  @Override
  public Response toResponse(RuntimeException exception) {
    if (exception instanceof StoreException) {
      // The database has explained it already, once for the whole outage.
      Status status = Status.SERVICE_UNAVAILABLE;
      return ProblemResponses.problem(
          status,
          Response.status(status).header(HttpHeaders.RETRY_AFTER, 5),
          "the link store is unavailable and nothing was changed; try again shortly");
    }
    LOG.log(Level.SEVERE, "Unexpected failure", exception);
    Status status = Status.INTERNAL_SERVER_ERROR;
    return ProblemResponses.problem(
        status, Response.status(status), "an unexpected error occurred");
  }
}
