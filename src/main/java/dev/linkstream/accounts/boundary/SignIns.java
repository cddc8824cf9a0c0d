package dev.linkstream.accounts.boundary;

import dev.linkstream.accounts.control.Accounts;
import dev.linkstream.accounts.control.Proxies;
import dev.linkstream.accounts.control.Sessions;
import dev.linkstream.accounts.control.SignInLimits;
import dev.linkstream.accounts.entity.Account;
import dev.linkstream.accounts.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every way of proving a password shares: the limits on failed attempts, and the session
 * cookie a successful sign-in gets.
 */
@ApplicationScoped
public class SignIns {

  /**
   * The cookie outlives any session (400 days, the most browsers keep one): the database decides
   * when a session ends, renewing it as it is used, and no browser has to be told.
   */
  static final int COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

  @Inject SignInLimits limits;
  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Inject Proxies proxies;

  /**
   * Checks a password, or whatever {@code check} proves, within the limits.
   *
   * @throws WebApplicationException 429 while the limits hold, or {@code refusal} when the check
   *     fails
   */
  <T> T attempt(
      String user,
      HttpServletRequest request,
      Supplier<Optional<T>> check,
      Supplier<WebApplicationException> refusal) {
    String address = Requests.clientAddress(request, proxies);
    Optional<Duration> wait = limits.wait(user, address);
    if (wait.isPresent()) {
      throw tooMany(wait.get());
    }
    Optional<T> proven = check.get();
    if (proven.isEmpty()) {
      limits.failed(user, address);
      throw refusal.get();
    }
    return proven.get();
  }

  Optional<Account> password(String user, String password) {
    if (user == null || password == null) {
      return Optional.empty();
    }
    return accounts.signIn(user, password);
  }

  /** A new session for the account, in place of any the request came with. */
  Response.ResponseBuilder open(Account account, HttpServletRequest request) {
    Authentication.sessionSecret(request).flatMap(sessions::find).ifPresent(this::end);
    Sessions.Opened opened = sessions.open(account.name(), account.role());
    return Response.ok(opened.caller().toJSON()).cookie(cookie(opened.secret(), request));
  }

  void end(Caller session) {
    sessions.end(session.credential());
  }

  NewCookie cookie(String secret, HttpServletRequest request) {
    return new NewCookie.Builder(Authentication.COOKIE)
        .value(secret)
        .path("/")
        .httpOnly(true)
        .secure(Requests.isHttps(request, proxies))
        .sameSite(NewCookie.SameSite.LAX)
        .maxAge(secret.isEmpty() ? 0 : COOKIE_MAX_AGE)
        .build();
  }

  private static WebApplicationException tooMany(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new WebApplicationException(
        "too many failed sign-ins; try again in " + seconds + " s",
        Response.status(Status.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, seconds).build());
  }

  static WebApplicationException wrongPassword() {
    return new WebApplicationException(
        "the user name or password is wrong",
        Response.status(Status.UNAUTHORIZED)
            .header(HttpHeaders.WWW_AUTHENTICATE, AccessControl.CHALLENGE)
            .build());
  }
}
