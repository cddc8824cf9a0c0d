package dev.linkstream.accounts.boundary;

import dev.linkstream.accounts.control.Accounts;
import dev.linkstream.accounts.control.Proxies;
import dev.linkstream.accounts.control.Sessions;
import dev.linkstream.accounts.control.Tokens;
import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The application's one authentication mechanism: a Bearer token, a trusted proxy's header or the
 * page's session cookie, in that order. It never refuses a request itself: Open Liberty ignores a
 * refusal on a URL without a security constraint and runs the resource anyway. It leaves the
 * caller, or why there is none, on the request, and {@link AccessControl} answers for both servers
 * alike.
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {

  public static final String COOKIE = "linkstream_session";
  static final String CALLER = Caller.class.getName();
  static final String REFUSAL = Refusal.class.getName();

  /** Why a request to the API has no caller. */
  enum Refusal {
    NO_CREDENTIALS,
    BAD_TOKEN,
    SESSION_ENDED,
    UNKNOWN_PROXY_USER,
    UNAVAILABLE
  }

  @Inject Tokens tokens;
  @Inject Sessions sessions;
  @Inject Accounts accounts;
  @Inject Proxies proxies;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // Static files, /health, /metrics and /openapi need no caller (Payara asks for them too).
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return context.doNothing();
    }
    Caller caller;
    try {
      caller = identify(request);
    } catch (RuntimeException e) {
      // The database is gone, and it has said so: the request is answered 503.
      request.setAttribute(REFUSAL, Refusal.UNAVAILABLE);
      return context.doNothing();
    }
    if (caller == null) {
      return context.doNothing();
    }
    request.setAttribute(CALLER, caller);
    return context.notifyContainerAboutLogin(caller.user(), Set.of(caller.role().toJSON()));
  }

  /** The request's caller; only called where {@link AccessControl} has let a caller through. */
  public static Caller caller(HttpServletRequest request) {
    return (Caller) request.getAttribute(CALLER);
  }

  private Caller identify(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      return refusedIfEmpty(
          request, bearer(authorization).flatMap(tokens::caller), Refusal.BAD_TOKEN);
    }
    Optional<String> header = proxies.header();
    if (header.isPresent()
        && request.getHeader(header.get()) != null
        && proxies.trusts(request.getRemoteAddr())) {
      String user = request.getHeader(header.get()).strip();
      return refusedIfEmpty(
          request,
          accounts
              .find(user)
              .map(account -> new Caller(user, account.role(), Kind.PROXY, user, null)),
          Refusal.UNKNOWN_PROXY_USER);
    }
    Optional<String> secret = sessionSecret(request);
    if (secret.isPresent()) {
      return refusedIfEmpty(request, sessions.find(secret.get()), Refusal.SESSION_ENDED);
    }
    request.setAttribute(REFUSAL, Refusal.NO_CREDENTIALS);
    return null;
  }

  private static Caller refusedIfEmpty(
      HttpServletRequest request, Optional<Caller> caller, Refusal refusal) {
    if (caller.isEmpty()) {
      request.setAttribute(REFUSAL, refusal);
    }
    return caller.orElse(null);
  }

  private static Optional<String> bearer(String authorization) {
    String[] parts = authorization.strip().split("\\s+", 2);
    return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")
        ? Optional.of(parts[1])
        : Optional.empty();
  }

  static Optional<String> sessionSecret(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(cookie -> COOKIE.equals(cookie.getName()))
            .map(Cookie::getValue)
            .filter(value -> !value.isBlank())
            .findFirst();
  }
}
