package dev.larder.processor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  private static List<String> names(Migrations migrations) {
    return migrations.scripts().stream().map(s -> s.path().getFileName().toString()).toList();
  }

  @Test
  void versionedScriptsRunInVersionOrderThenRepeatablesByName(@TempDir Path dir)
      throws IOException {
    for (String name : List.of("V10__c.sql", "V2__b.sql", "V1_1__a2.sql", "V1__a.sql",
        "R__view.sql", "README.md", "U2__undo.txt")) {
      Files.writeString(dir.resolve(name), "-- " + name);
    }

    assertThat(names(Migrations.read(List.of(dir))))
        .containsExactly("V1__a.sql", "V1_1__a2.sql", "V2__b.sql", "V10__c.sql", "R__view.sql");
  }

  @Test
  void plainScriptsRunInNameOrderAcrossDirectories(@TempDir Path dir) throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Files.writeString(a.resolve("002-orders.sql"), "x");
    Files.writeString(b.resolve("001-customers.sql"), "y");

    assertThat(names(Migrations.read(List.of(a, b))))
        .containsExactly("001-customers.sql", "002-orders.sql");
  }

  @Test
  void theHashChangesWithAScriptsContent(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
    String before = Migrations.read(List.of(dir)).hash();
    assertThat(Migrations.read(List.of(dir)).hash()).isEqualTo(before);

    Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id bigint);");

    assertThat(Migrations.read(List.of(dir)).hash()).isNotEqualTo(before);
  }

  @Test
  void aMissingDirectorySaysWhich(@TempDir Path dir) {
    assertThatThrownBy(() -> Migrations.read(List.of(dir.resolve("gone"))))
        .hasMessage("migration directory " + dir.resolve("gone") + " does not exist");
  }
}
