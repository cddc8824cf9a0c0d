package dev.linkstream.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.linkstream.accounts.entity.Caller.Kind;
import dev.linkstream.accounts.entity.Caller.Need;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void aPersonMayWhatTheRoleSays() {
    assertEquals(EnumSet.allOf(Need.class), allowed(session(Role.ADMIN)));
    assertEquals(
        EnumSet.of(Need.NOTHING, Need.READ, Need.WRITE, Need.PERSON),
        allowed(session(Role.MEMBER)));
    assertEquals(EnumSet.of(Need.NOTHING, Need.READ, Need.PERSON), allowed(session(Role.READER)));
  }

  @Test
  void aTokenMayWhatItsScopeSaysWithinItsRoleAndNeverManage() {
    assertEquals(
        EnumSet.of(Need.NOTHING, Need.READ, Need.WRITE), allowed(token(Role.ADMIN, Scope.WRITE)));
    assertEquals(EnumSet.of(Need.NOTHING, Need.READ), allowed(token(Role.ADMIN, Scope.READ)));
    assertEquals(EnumSet.of(Need.NOTHING, Need.READ), allowed(token(Role.READER, Scope.WRITE)));
  }

  @Test
  void rolesAndScopesReadAndWriteAsInTheApi() {
    for (Role role : Role.values()) {
      assertEquals(role, Role.fromJSON(role.toJSON()));
    }
    assertEquals(Scope.WRITE, Scope.fromJSON("write"));
    assertThrows(IllegalArgumentException.class, () -> Role.fromJSON("ADMIN"));
    assertThrows(IllegalArgumentException.class, () -> Scope.fromJSON(null));
  }

  @Test
  void namesAndPasswordsFollowTheRules() {
    assertEquals("alice.b@example-1_x", Account.validName("alice.b@example-1_x"));
    for (String bad : new String[] {null, "", "has space", "x".repeat(65), "new\nline"}) {
      assertThrows(IllegalArgumentException.class, () -> Account.validName(bad), bad);
    }
    assertEquals("twelve chars", Account.validPassword("twelve chars"));
    assertThrows(IllegalArgumentException.class, () -> Account.validPassword("eleven char"));
    // Counted in characters as people see them, not in UTF-16 units.
    assertThrows(IllegalArgumentException.class, () -> Account.validPassword("😀".repeat(11)));
  }

  private static Caller session(Role role) {
    return new Caller("someone", role, Kind.SESSION, "s", null);
  }

  private static Caller token(Role role, Scope scope) {
    return new Caller("someone", role, Kind.TOKEN, "t", scope);
  }

  private static Set<Need> allowed(Caller caller) {
    return Arrays.stream(Need.values())
        .filter(caller::may)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Need.class)));
  }
}
