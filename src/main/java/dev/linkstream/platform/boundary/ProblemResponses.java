package dev.linkstream.platform.boundary;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns every JAX-RS error, ours or the runtime's, into an RFC 9457 problem document. */
@Provider
public class ProblemResponses implements ExceptionMapper<WebApplicationException> {

  public static final String PROBLEM_JSON = "application/problem+json";

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response response = exception.getResponse();
    return problem(
        response.getStatusInfo(), Response.fromResponse(response), exception.getMessage());
  }

  public static Response problem(
      Response.StatusType status, Response.ResponseBuilder response, String detail) {
    // A String entity: every runtime writes it under any media type, unlike a JsonObject.
    return response.entity(document(status, detail)).type(PROBLEM_JSON).build();
  }

  /** The problem document itself, for where it goes out other than as a response. */
  public static String document(Response.StatusType status, String detail) {
    return Jsonp.object()
        .add("type", "about:blank")
        .add("title", status.getReasonPhrase())
        .add("status", status.getStatusCode())
        .add("detail", detail)
        .build()
        .toString();
  }
}
