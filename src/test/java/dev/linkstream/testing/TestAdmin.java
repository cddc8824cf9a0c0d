package dev.linkstream.testing;

/** The admin account every test server creates at its first start, as an operator would. */
public final class TestAdmin {

  public static final String USER = "admin";
  public static final String PASSWORD = "admin-password-for-tests";

  /** The settings that create it. */
  public static final String SETTINGS =
      "-Dlinkstream.admin.user=" + USER + " -Dlinkstream.admin.password=" + PASSWORD;

  private TestAdmin() {}
}
