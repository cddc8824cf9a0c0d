package dev.linkstream.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void namesEveryMigrationInTheDirectoriesInOrder() throws Exception {
    assertEquals(files(Migrations.DIRECTORY), Migrations.FILES);
    assertEquals(files(Migrations.POSTGRESQL_DIRECTORY), Migrations.POSTGRESQL_FILES);
    assertEquals(files(Migrations.H2_DIRECTORY), Migrations.H2_FILES);
  }

  @Test
  void givesEachDatabaseItsOwnMigrationsAsWell() {
    String[] sql = {".sql"};

    assertEquals(
        Migrations.FILES.size() + Migrations.H2_FILES.size(),
        new Migrations(false).getResources("V", sql).size());
    assertEquals(
        Migrations.FILES.size() + Migrations.POSTGRESQL_FILES.size(),
        new Migrations(true).getResources("V", sql).size());
    assertEquals(
        Migrations.POSTGRESQL_DIRECTORY + "V9__search_index.sql",
        new Migrations(true).getResource("V9__search_index.sql").getAbsolutePath());
    assertEquals(null, new Migrations(false).getResource("V9__search_index.sql"));
    assertEquals(
        Migrations.H2_DIRECTORY + "V11__search_newest_first.sql",
        new Migrations(false).getResource("V11__search_newest_first.sql").getAbsolutePath());
    assertEquals(null, new Migrations(true).getResource("V11__search_newest_first.sql"));
  }

  @Test
  void answersFlywaysQuestionsByPrefixAndSuffix() {
    Migrations migrations = new Migrations(false);

    assertEquals(
        Migrations.FILES.size() + Migrations.H2_FILES.size(),
        migrations.getResources("V", new String[] {".sql"}).size());
    assertEquals(0, migrations.getResources("R", new String[] {".sql"}).size());
    assertEquals(0, migrations.getResources("V", new String[] {".java"}).size());
    assertEquals("V2__history.sql", migrations.getResource("V2__history.sql").getFilename());
    assertEquals(null, migrations.getResource("V99__nothing.sql"));
  }

  private static List<String> files(String directory) throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", directory))) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .sorted(Comparator.comparing(MigrationsTest::version))
          .toList();
    }
  }

  private static int version(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }
}
