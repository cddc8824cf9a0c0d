package dev.linkstream.accounts.control;

import dev.linkstream.accounts.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether what a caller signed in with still holds: the session open, the token live. */
@ApplicationScoped
public class Credentials {

  @Inject Sessions sessions;
  @Inject Tokens tokens;
  @Inject Accounts accounts;

  public boolean hold(Caller caller) {
    return switch (caller.kind()) {
      case SESSION -> sessions.isOpen(caller.credential());
      case TOKEN -> tokens.isLive(caller.credential());
      case PROXY -> accounts.find(caller.user()).isPresent();
    };
  }
}
