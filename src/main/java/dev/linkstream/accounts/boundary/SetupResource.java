package dev.linkstream.accounts.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.control.FirstRun;
import dev.linkstream.accounts.entity.Account;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.platform.boundary.JsonBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Creates the first admin account with the code of the setup link, and signs it in. */
@Path("setup")
@RequestScoped
public class SetupResource {

  private static final String EXAMPLE =
      "{\"code\":\"…\",\"user\":\"alice\",\"password\":\"at least 12 characters\"}";

  @Inject FirstRun firstRun;
  @Inject SignIns signIns;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Requires(Need.NOTHING)
  public Response setUp(String body) {
    JsonObject json = JsonBodies.object(body, EXAMPLE);
    String code = JsonBodies.text(json, "code");
    String user = JsonBodies.text(json, "user");
    String password = JsonBodies.text(json, "password");
    if (user == null || password == null) {
      throw new BadRequestException("body must be a JSON object such as " + EXAMPLE);
    }
    Account admin =
        signIns.attempt(
            user,
            request,
            () -> setUp(code, user, password),
            () ->
                new ForbiddenException(
                    "this setup link is no longer valid: it works once, and only until the server"
                        + " restarts; sign in, or restart the server if no account exists yet"));
    return signIns.open(admin, request).status(Response.Status.CREATED).build();
  }

  private Optional<Account> setUp(String code, String user, String password) {
    return valid(() -> firstRun.setUp(code, user, password));
  }
}
