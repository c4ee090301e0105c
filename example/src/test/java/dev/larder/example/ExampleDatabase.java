package dev.larder.example;

import dev.larder.runtime.Larder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import dev.larder.runtime.LarderBuilder;
import dev.larder.testing.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * The example's schema in this test JVM's {@link TestDatabase}, migrated once with the
 * application's migrations and the test-only ones.
 */
final class ExampleDatabase {
  private static boolean migrated;

  private ExampleDatabase() {}

  private static synchronized TestDatabase migrated() {
    TestDatabase database = TestDatabase.get();
    if (!migrated) {
      Flyway.configure()
          .dataSource(database.dataSource())
          .schemas(database.schema())
          .locations("classpath:db/migration", "classpath:db/testmigration")
          .load()
          .migrate();
      migrated = true;
    }
    return database;
  }

  /**
   * Empties every table, so that ids start at 1 again, and returns a new runtime over the shared
   * pool. Each test takes its own runtime (and closes it) so that nothing a runtime keeps in
   * memory, such as cached results, outlives the rows it came from.
   */
  static Larder freshLarder() {
    return freshLarder(Larder.builder());
  }

  /** {@link #freshLarder()} with the settings of {@code builder}, which must have no data source. */
  static Larder freshLarder(LarderBuilder builder) {
    TestDatabase database = migrated();
    database.execute("TRUNCATE order_line, customer_order, cart_item, cart, product, category, type_probe, film, every_type, json_profile"
        + " RESTART IDENTITY CASCADE");
    database.execute("TRUNCATE account");
    return builder.dataSource(database.dataSource()).build();
  }

  /** The first column of every row of {@code sql}, as text, read beside any runtime. */
  static List<String> strings(String sql) throws SQLException {
    try (Connection connection = migrated().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
