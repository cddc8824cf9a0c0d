package dev.linkstream.platform.control;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema migrations, named here instead of found by Flyway's class path scanning: a server's
 * class loader need not list a directory inside a WAR, and Open Liberty's does not ("Unable to
 * resolve location classpath:db/migration"). MigrationsTest keeps the list equal to the directory.
 */
final class Migrations implements ResourceProvider, ClassProvider<JavaMigration> {

  static final String DIRECTORY = "db/migration/";
  static final List<String> FILES =
      List.of(
          "V1__links.sql",
          "V2__history.sql",
          "V3__details.sql",
          "V4__accounts.sql",
          "V5__inbox_state.sql",
          "V6__edits.sql",
          "V7__tags.sql");

  @Override
  public LoadableResource getResource(String name) {
    return FILES.contains(name) ? new Migration(name) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return FILES.stream()
        .filter(file -> file.startsWith(prefix))
        .filter(file -> Arrays.stream(suffixes).anyMatch(file::endsWith))
        .<LoadableResource>map(Migration::new)
        .toList();
  }

  /** There are no migrations in Java. */
  @Override
  public Collection<Class<? extends JavaMigration>> getClasses() {
    return List.of();
  }

  private static final class Migration extends LoadableResource {

    private final String file;

    Migration(String file) {
      this.file = file;
    }

    @Override
    public Reader read() {
      InputStream in = Migrations.class.getClassLoader().getResourceAsStream(DIRECTORY + file);
      if (in == null) {
        throw new IllegalStateException("the WAR lacks the migration " + DIRECTORY + file);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return DIRECTORY + file;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getRelativePath() {
      return file;
    }
  }
}
