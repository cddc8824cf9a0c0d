package dev.linkstream.accounts.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;

/**
 * Who made a request, and with what: a session of the page, an API token, or a trusted proxy's
 * header. What it may do follows from the account's role and, for a token, its scope.
 *
 * @param credential the session's or token's id, or the account's name for a proxy sign-in: what
 *     ends when it is signed out, revoked or removed
 */
public record Caller(String user, Role role, Kind kind, String credential, Scope scope) {

  /** How the request was signed in. */
  public enum Kind {
    SESSION,
    TOKEN,
    PROXY
  }

  /** What a resource method needs from its caller. */
  public enum Need {
    /** Nothing: signing in and first-run setup. */
    NOTHING,
    /** Any account, by any means. */
    READ,
    /** An account that changes links: an admin or member, and for a token the write scope. */
    WRITE,
    /** A person, not a program: signed in by session or proxy, as for managing tokens. */
    PERSON,
    /** A person whose account is an admin's. */
    ADMIN
  }

  public boolean may(Need need) {
    return switch (need) {
      case NOTHING, READ -> true;
      case WRITE -> role != Role.READER && (kind != Kind.TOKEN || scope == Scope.WRITE);
      case PERSON -> kind != Kind.TOKEN;
      case ADMIN -> kind != Kind.TOKEN && role == Role.ADMIN;
    };
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** The key under which whatever this caller opened can be ended together. */
  public String ending() {
    return kind + ":" + credential;
  }

  public JsonObject toJSON() {
    return Jsonp.object().add("user", user).add("role", role.toJSON()).build();
  }
}
