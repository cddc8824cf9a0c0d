package dev.linkstream.platform.control;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema migrations, named here instead of found by Flyway's class path scanning: a server's
 * class loader need not list a directory inside a WAR, and Open Liberty's does not ("Unable to
 * resolve location classpath:db/migration"). Most run on every database; those in a database's own
 * directory run only there, where plain SQL cannot say what it needs. MigrationsTest keeps the
 * lists equal to the directories.
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
          "V7__tags.sql",
          "V8__search.sql",
          "V10__imports.sql",
          "V12__fetch_claims.sql");
  static final String POSTGRESQL_DIRECTORY = DIRECTORY + "postgresql/";
  static final List<String> POSTGRESQL_FILES = List.of("V9__search_index.sql");
  static final String H2_DIRECTORY = DIRECTORY + "h2/";
  static final List<String> H2_FILES = List.of("V11__search_newest_first.sql");

  private final Map<String, String> paths = new LinkedHashMap<>();

  Migrations(boolean postgres) {
    FILES.forEach(file -> paths.put(file, DIRECTORY + file));
    String own = postgres ? POSTGRESQL_DIRECTORY : H2_DIRECTORY;
    (postgres ? POSTGRESQL_FILES : H2_FILES).forEach(file -> paths.put(file, own + file));
  }

  @Override
  public LoadableResource getResource(String name) {
    return paths.containsKey(name) ? new Migration(name, paths.get(name)) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return paths.keySet().stream()
        .filter(file -> file.startsWith(prefix))
        .filter(file -> Arrays.stream(suffixes).anyMatch(file::endsWith))
        .<LoadableResource>map(file -> new Migration(file, paths.get(file)))
        .toList();
  }

  /** There are no migrations in Java. */
  @Override
  public Collection<Class<? extends JavaMigration>> getClasses() {
    return List.of();
  }

  private static final class Migration extends LoadableResource {

    private final String file;
    private final String path;

    Migration(String file, String path) {
      this.file = file;
      this.path = path;
    }

    @Override
    public Reader read() {
      InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path);
      if (in == null) {
        throw new IllegalStateException("the WAR lacks the migration " + path);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return path;
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
