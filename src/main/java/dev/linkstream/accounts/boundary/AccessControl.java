package dev.linkstream.accounts.boundary;

import static dev.linkstream.platform.boundary.ProblemResponses.problem;

import dev.linkstream.accounts.boundary.Authentication.Refusal;
import dev.linkstream.accounts.control.Proxies;
import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Kind;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.accounts.entity.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets a request reach a resource method only if its caller may do what the method's {@link
 * Requires} says; otherwise answers 401 (nobody signed in) or 403 (not allowed), as a problem
 * document. A change made with the session cookie must come from the page's own origin: the browser
 * would send the cookie along with any other site's request, too.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter {

  static final String CHALLENGE = "Bearer realm=\"linkstream\"";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Context ResourceInfo resource;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "linkstream.public-url")
  Optional<String> publicUrl;

  @Inject Proxies proxies;

  @Override
  public void filter(ContainerRequestContext context) {
    Need need = need(resource.getResourceMethod());
    Caller caller = (Caller) request.getAttribute(Authentication.CALLER);
    boolean changes = !SAFE.contains(context.getMethod());
    if (need == Need.NOTHING) {
      if (changes && crossSite(context)) {
        context.abortWith(crossOrigin());
      }
      return;
    }
    if (caller == null) {
      context.abortWith(unauthenticated((Refusal) request.getAttribute(Authentication.REFUSAL)));
    } else if (changes && caller.kind() == Kind.SESSION && !sameOrigin(context)) {
      context.abortWith(crossOrigin());
    } else if (need == null || !caller.may(need)) {
      context.abortWith(forbidden(need, caller));
    }
  }

  private static Need need(Method method) {
    if (method == null) {
      return null;
    }
    Requires requires = method.getAnnotation(Requires.class);
    if (requires == null) {
      requires = method.getDeclaringClass().getAnnotation(Requires.class);
    }
    return requires == null ? null : requires.value();
  }

  /** Sent by the browser itself: a page of this origin, or none at all for a program. */
  private boolean sameOrigin(ContainerRequestContext context) {
    String site = context.getHeaderString("Sec-Fetch-Site");
    if ("same-origin".equals(site)) {
      return true;
    }
    String origin = context.getHeaderString("Origin");
    return origin != null && (origin.equals(ownOrigin(context)) || isPublicOrigin(origin));
  }

  /** For a request with no session, only what a browser says is another site's is refused. */
  private boolean crossSite(ContainerRequestContext context) {
    String site = context.getHeaderString("Sec-Fetch-Site");
    if (site != null) {
      return !site.equals("same-origin") && !site.equals("none");
    }
    String origin = context.getHeaderString("Origin");
    return origin != null && !sameOrigin(context);
  }

  private String ownOrigin(ContainerRequestContext context) {
    URI base = context.getUriInfo().getBaseUri();
    String scheme = Requests.isHttps(request, proxies) ? "https" : base.getScheme();
    return scheme + "://" + base.getRawAuthority();
  }

  private boolean isPublicOrigin(String origin) {
    return publicUrl
        .map(URI::create)
        .map(url -> url.getScheme() + "://" + url.getRawAuthority())
        .filter(origin::equals)
        .isPresent();
  }

  static Response unauthenticated(Refusal refusal) {
    if (refusal == Refusal.UNAVAILABLE) {
      Status status = Status.SERVICE_UNAVAILABLE;
      return problem(
          status,
          Response.status(status).header(HttpHeaders.RETRY_AFTER, 5),
          "sign-ins cannot be checked while the database is unavailable; try again shortly");
    }
    String detail =
        switch (refusal == null ? Refusal.NO_CREDENTIALS : refusal) {
          case BAD_TOKEN ->
              "the API token is unknown, revoked or expired; send a valid one as"
                  + " Authorization: Bearer lks_…";
          case SESSION_ENDED -> "your session has ended; sign in again";
          case UNKNOWN_PROXY_USER -> "the user the proxy signed in has no account here";
          default ->
              "sign in first, or send an API token as Authorization: Bearer lks_… (see"
                  + " docs/security.md)";
        };
    String challenge =
        refusal == Refusal.BAD_TOKEN ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE;
    Status status = Status.UNAUTHORIZED;
    return problem(
        status, Response.status(status).header(HttpHeaders.WWW_AUTHENTICATE, challenge), detail);
  }

  private static Response crossOrigin() {
    Status status = Status.FORBIDDEN;
    return problem(
        status,
        Response.status(status),
        "a change made with the session cookie must come from Linkstream's own page; programs"
            + " send an API token instead");
  }

  private static Response forbidden(Need need, Caller caller) {
    String detail =
        need == null
            ? "this operation is open to no one"
            : switch (need) {
              case WRITE ->
                  caller.scope() == Scope.READ
                      ? "this API token may only read; create one with the write scope to change"
                          + " links"
                      : "the account " + caller.user() + " may only read links";
              case PERSON -> "API tokens cannot manage tokens, accounts or passwords; sign in";
              case ADMIN ->
                  caller.kind() == Kind.TOKEN
                      ? "API tokens cannot manage tokens, accounts or passwords; sign in"
                      : "only an admin may manage accounts";
              default -> "not allowed";
            };
    Status status = Status.FORBIDDEN;
    return problem(status, Response.status(status), detail);
  }
}
