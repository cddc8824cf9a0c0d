package dev.linkstream.accounts.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.control.Tokens;
import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.accounts.entity.Role;
import dev.linkstream.accounts.entity.Scope;
import dev.linkstream.accounts.entity.Token;
import dev.linkstream.platform.boundary.JsonBodies;
import dev.linkstream.platform.entity.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * API tokens, managed by people only: a token can neither make nor revoke tokens. Each account sees
 * its own; an admin sees and may revoke everyone's.
 */
@Path("tokens")
@RequestScoped
@Requires(Need.PERSON)
public class TokensResource {

  private static final String EXAMPLE =
      "{\"name\":\"laptop script\",\"scope\":\"read\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}";
  static final int MAX_NAME = 100;

  @Inject Tokens tokens;
  @Context HttpServletRequest request;
  @Context UriInfo uriInfo;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String list() {
    Caller caller = Authentication.caller(request);
    JsonArrayBuilder list = Jsonp.array();
    tokens.of(caller.isAdmin() ? null : caller.user()).forEach(token -> list.add(token.toJSON()));
    return list.build().toString();
  }

  /** The token's text is in this answer only: it is kept nowhere. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject json = JsonBodies.object(body, EXAMPLE);
    String name = JsonBodies.text(json, "name");
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw new BadRequestException(
          "name must be text of 1 to " + MAX_NAME + " characters, such as " + EXAMPLE);
    }
    Scope scope = scope(JsonBodies.text(json, "scope"));
    Instant expiresAt = expiry(json);
    Caller caller = Authentication.caller(request);
    if (scope == Scope.WRITE && caller.role() == Role.READER) {
      throw new ForbiddenException(
          "the account " + caller.user() + " may only read, and so only make read tokens");
    }
    Tokens.Created created = tokens.create(caller.user(), name.strip(), scope, expiresAt);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.token().id()).build())
        .entity(created.token().toJSON().add("token", created.text()).build().toString())
        .build();
  }

  /** Ends the token at once, and every stream it opened within a second. */
  @DELETE
  @Path("{id}")
  public void revoke(@PathParam("id") String id) {
    Caller caller = Authentication.caller(request);
    Token token =
        tokens
            .find(id)
            .filter(found -> caller.isAdmin() || found.user().equals(caller.user()))
            .orElseThrow(() -> new NotFoundException("no token with id " + id));
    tokens.revoke(token.id());
  }

  private static Scope scope(String text) {
    return valid(() -> Scope.fromJSON(text));
  }

  private static Instant expiry(JsonObject json) {
    if (!json.containsKey("expiresAt") || json.isNull("expiresAt")) {
      return null;
    }
    try {
      Instant expiresAt = Instant.parse(JsonBodies.text(json, "expiresAt"));
      if (!expiresAt.isAfter(Instant.now())) {
        throw new BadRequestException("expiresAt must be in the future");
      }
      return expiresAt;
    } catch (DateTimeParseException | NullPointerException e) {
      throw new BadRequestException(
          "expiresAt must be an instant such as 2027-01-01T00:00:00Z, or left out");
    }
  }
}
