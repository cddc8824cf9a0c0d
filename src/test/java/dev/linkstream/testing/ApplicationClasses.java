package dev.linkstream.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;

/** Every class the WAR holds of the application's own, loaded but not initialized. */
public final class ApplicationClasses {

  private static final Path CLASSES = Path.of("target/classes");

  private ApplicationClasses() {}

  public static List<Class<?>> all() {
    return new ClassFileImporter().importPath(CLASSES).stream().map(JavaClass::reflect).toList();
  }
}
