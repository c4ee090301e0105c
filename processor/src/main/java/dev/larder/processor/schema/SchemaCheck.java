package dev.larder.processor.schema;

import dev.larder.processor.model.Binding;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.SqlTypes;
import dev.larder.processor.model.StatementDescription;
import dev.larder.processor.validate.Diagnostics;
import dev.larder.processor.validate.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema stage, between read and validate: gives each method of a repository what
 * PostgreSQL says of its statement against the schema the migrations build. One per compilation:
 * the database is started at the first statement the cache does not know, never per repository,
 * and closed by {@link #close()} when the compilation's last round ends. When it cannot run
 * (no server, a failing migration) one warning says why and methods stay undescribed, so that
 * the build goes on unchecked.
 */
public final class SchemaCheck implements AutoCloseable {
  private final SchemaOptions options;
  private final Diagnostics diagnostics;
  private final DescriptionCache cache;
  private Migrations migrations;
  private CheckDatabase database;
  private StatementDescriber describer;
  private boolean off;

  private SchemaCheck(SchemaOptions options, Diagnostics diagnostics) {
    this.options = options;
    this.diagnostics = diagnostics;
    this.cache = new DescriptionCache(options.cacheDirectory());
    this.off = !options.enabled();
  }

  /**
   * The check for the compilation's options ({@code larder.migrations} turns it on).
   *
   * @param classOutput the compiler's class output directory, or null when it has none on disk
   */
  public static SchemaCheck of(Map<String, String> processorOptions,
      Map<String, String> environment, Path classOutput, Diagnostics diagnostics) {
    return new SchemaCheck(SchemaOptions.read(processorOptions, environment, classOutput),
        diagnostics);
  }

  /** The processor options this stage reads. */
  public static List<String> optionNames() {
    return SchemaOptions.names();
  }

  /**
   * The repository with each method's statement described; as it was when the check is off.
   * Diagnostics reports the one warning when the check cannot run.
   */
  public Repository describe(Repository repository) {
    if (off) {
      return repository;
    }
    List<Method> described = new ArrayList<>();
    for (Method method : repository.methods()) {
      StatementDescription description = off ? null : describe(method);
      described.add(description == null ? method : method.withDescription(description));
    }
    return repository.withMethods(described);
  }

  private StatementDescription describe(Method method) {
    if (method.sql() == null || method.kind() == null || method.sql().text().isBlank()) {
      return null;
    }
    if (migrations == null) {
      try {
        migrations = Migrations.read(options.migrations());
      } catch (IOException e) {
        return skip(e.getMessage());
      }
    }
    List<String> bindTypes = bindTypes(method);
    String key = DescriptionCache.key(migrations.hash(), method.sql().schemaText().server(),
        bindTypes);
    StatementDescription cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (describer == null) {
      try {
        database = CheckDatabase.start(options.databaseUrl(), migrations);
      } catch (CheckDatabase.Unavailable e) {
        return skip(e.getMessage());
      } catch (CheckDatabase.MigrationFailed e) {
        return skip("migration " + e.getMessage());
      }
      describer = new StatementDescriber(database.connection());
    }
    try {
      StatementDescription description =
          describer.describe(method.sql().schemaText(), bindTypes);
      cache.put(key, description);
      return description;
    } catch (SQLException e) {
      return skip("PostgreSQL failed while describing " + method.uniqueName() + ": "
          + e.getMessage());
    }
  }

  /** Turns the check off for the rest of the compilation, with the one warning. */
  private StatementDescription skip(String why) {
    off = true;
    diagnostics.reportUnpositioned(Message.SCHEMA_CHECK_SKIPPED, why);
    close();
    return null;
  }

  /**
   * For each {@code $n} of the statement, the type Larder binds its value as, or null where it
   * leaves it to PostgreSQL (or nothing binds it, a mistake the validator reports).
   */
  private static List<String> bindTypes(Method method) {
    List<String> out = new ArrayList<>();
    for (String name : method.sql().schemaText().occurrences()) {
      out.add(bindType(method, name));
    }
    return out;
  }

  private static String bindType(Method method, String name) {
    for (Binding b : method.bindings()) {
      if (!b.sqlName().equals(name) || !b.resolved()) {
        continue;
      }
      Parameter p = b.parameter();
      JavaType type = b.component() != null ? b.component().type() : p.element();
      if (!(type instanceof JavaType.Scalar scalar)) {
        return null;
      }
      if (b.component() == null && p.kind() == ParameterKind.ARRAY) {
        return SqlTypes.arrayBindType(scalar.kind());
      }
      return SqlTypes.bindType(scalar.kind());
    }
    return null;
  }

  /** Stops the database, if one was started; the check describes nothing more after this. */
  @Override
  public void close() {
    if (database != null) {
      database.close();
      database = null;
      describer = null;
    }
  }
}
