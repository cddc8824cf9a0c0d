package dev.linkstream.accounts.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.control.Accounts;
import dev.linkstream.accounts.control.Sessions;
import dev.linkstream.accounts.entity.Account;
import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Kind;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.accounts.entity.Role;
import dev.linkstream.platform.boundary.JsonBodies;
import dev.linkstream.platform.entity.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;

/** The accounts, managed by admins: their sessions and tokens end with them. */
@Path("users")
@RequestScoped
@Requires(Need.ADMIN)
public class UsersResource {

  private static final String EXAMPLE =
      "{\"name\":\"bob\",\"role\":\"member\",\"password\":\"at least 12 characters\"}";

  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Context HttpServletRequest request;
  @Context UriInfo uriInfo;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String list() {
    JsonArrayBuilder list = Jsonp.array();
    accounts.all().forEach(account -> list.add(account.toJSON()));
    return list.build().toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject json = JsonBodies.object(body, EXAMPLE);
    Account account =
        checked(
            () ->
                accounts.create(
                    JsonBodies.text(json, "name"),
                    Role.fromJSON(JsonBodies.text(json, "role")),
                    JsonBodies.text(json, "password")));
    return Response.created(uriInfo.getAbsolutePathBuilder().path(account.name()).build())
        .entity(account.toJSON())
        .build();
  }

  /** A new role takes effect on the account's next request; a new password ends its sessions. */
  @PATCH
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject change(@PathParam("name") String name, String body) {
    JsonObject json = JsonBodies.object(body, "{\"role\":\"reader\"} or {\"password\":\"…\"}");
    String role = JsonBodies.text(json, "role");
    String password = JsonBodies.text(json, "password");
    if (role == null && password == null) {
      throw new BadRequestException("body must name a new role or a new password, or both");
    }
    Account account = accounts.find(name).orElseThrow(() -> unknown(name));
    if (password != null) {
      checked(() -> Account.validPassword(password));
    }
    if (role != null) {
      account =
          checked(() -> accounts.changeRole(name, Role.fromJSON(role)))
              .orElseThrow(() -> unknown(name));
    }
    if (password != null) {
      accounts.setPassword(name, password);
      Caller caller = Authentication.caller(request);
      boolean self = caller.user().equals(name) && caller.kind() == Kind.SESSION;
      sessions.endOthers(name, self ? caller.credential() : null);
    }
    return account.toJSON();
  }

  @DELETE
  @Path("{name}")
  public void remove(@PathParam("name") String name) {
    if (!checked(() -> accounts.remove(name))) {
      throw unknown(name);
    }
  }

  /**
   * Refusals of the accounts' rules, as 400 (not accepted) and 409 (the last admin, a taken name).
   */
  private static <T> T checked(Supplier<T> change) {
    try {
      return valid(change);
    } catch (IllegalStateException e) {
      throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
    }
  }

  private static NotFoundException unknown(String name) {
    return new NotFoundException("no account named " + name);
  }
}
