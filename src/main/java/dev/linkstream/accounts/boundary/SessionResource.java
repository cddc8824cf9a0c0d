package dev.linkstream.accounts.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.control.Accounts;
import dev.linkstream.accounts.control.Sessions;
import dev.linkstream.accounts.entity.Account;
import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Kind;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.platform.boundary.JsonBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Signing in and out of the page, and changing one's own password. */
@Path("session")
@RequestScoped
public class SessionResource {

  static final String SIGN_IN = "{\"user\":\"alice\",\"password\":\"…\"}";

  @Inject SignIns signIns;
  @Inject Sessions sessions;
  @Inject Accounts accounts;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Requires(Need.NOTHING)
  public Response signIn(String body) {
    JsonObject json = JsonBodies.object(body, SIGN_IN);
    String user = JsonBodies.text(json, "user");
    String password = JsonBodies.text(json, "password");
    if (user == null || password == null) {
      throw new BadRequestException("body must be a JSON object such as " + SIGN_IN);
    }
    Account account =
        signIns.attempt(
            user, request, () -> signIns.password(user, password), SignIns::wrongPassword);
    return signIns.open(account, request).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Requires(Need.READ)
  public JsonObject whoAmI() {
    return Authentication.caller(request).toJSON();
  }

  /** Ends this session, and with it the streams it opened. */
  @DELETE
  @Requires(Need.PERSON)
  public Response signOut() {
    Caller caller = Authentication.caller(request);
    if (caller.kind() == Kind.SESSION) {
      signIns.end(caller);
    }
    return Response.noContent().cookie(signIns.cookie("", request)).build();
  }

  /** Every other session of the account ends: whoever knew the old password is signed out. */
  @PUT
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Need.PERSON)
  public void changePassword(String body) {
    String example = "{\"current\":\"…\",\"password\":\"…\"}";
    JsonObject json = JsonBodies.object(body, example);
    String current = JsonBodies.text(json, "current");
    String password = JsonBodies.text(json, "password");
    if (current == null || password == null) {
      throw new BadRequestException("body must be a JSON object such as " + example);
    }
    Caller caller = Authentication.caller(request);
    valid(() -> Account.validPassword(password));
    signIns.attempt(
        caller.user(),
        request,
        () -> signIns.password(caller.user(), current),
        () -> new ForbiddenException("the current password is wrong; nothing was changed"));
    accounts.setPassword(caller.user(), password);
    sessions.endOthers(caller.user(), caller.kind() == Kind.SESSION ? caller.credential() : null);
  }
}
