package dev.linkstream.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void namesEveryMigrationInTheDirectoryInOrder() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", Migrations.DIRECTORY))) {
      assertEquals(
          files.map(file -> file.getFileName().toString()).sorted().toList(), Migrations.FILES);
    }
  }

  @Test
  void answersFlywaysQuestionsByPrefixAndSuffix() {
    Migrations migrations = new Migrations();

    assertEquals(
        Migrations.FILES.size(), migrations.getResources("V", new String[] {".sql"}).size());
    assertEquals(0, migrations.getResources("R", new String[] {".sql"}).size());
    assertEquals(0, migrations.getResources("V", new String[] {".java"}).size());
    assertEquals("V2__history.sql", migrations.getResource("V2__history.sql").getFilename());
    assertEquals(null, migrations.getResource("V9__nothing.sql"));
  }
}
