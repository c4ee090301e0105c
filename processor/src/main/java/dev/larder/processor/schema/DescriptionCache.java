package dev.larder.processor.schema;

import dev.larder.processor.model.SqlColumn;
import dev.larder.processor.model.StatementDescription;
import dev.larder.processor.model.StatementDescription.Refusal;
import dev.larder.processor.report.JsonReader;
import dev.larder.processor.report.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Descriptions of earlier compilations, one JSON file per statement under the build directory
 * ({@code target/larder-schema/<hash>.json}), keyed by a hash of the migrations, the statement
 * and the types Larder binds its parameters as: a rebuild whose migrations did not change finds
 * every description here and starts no database. Unreadable or stale entries are ignored.
 */
final class DescriptionCache {
  /** Changes when the shape of a description does, so that old entries are not misread. */
  private static final String FORMAT = "larder-schema-1";

  private final Path directory;

  /** @param directory the cache directory, or null for no cache */
  DescriptionCache(Path directory) {
    this.directory = directory;
  }

  /** The key of a statement's description. */
  static String key(String migrationsHash, String statement, List<String> bindTypes) {
    MessageDigest digest = Migrations.sha256();
    String text = FORMAT + "\u0000" + migrationsHash + "\u0000" + statement + "\u0000"
        + String.join(",", bindTypes.stream().map(String::valueOf).toList());
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The cached description for {@code key}, or null. */
  StatementDescription get(String key) {
    if (directory == null) {
      return null;
    }
    Path file = directory.resolve(key + ".json");
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      return fromJson(JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      return null; // an entry another build is writing, or a damaged one: describe again
    }
  }

  /** Stores a description; a cache that cannot be written only costs the next build time. */
  void put(String key, StatementDescription description) {
    if (directory == null) {
      return;
    }
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, key, ".tmp");
      Files.writeString(temporary, JsonWriter.write(toJson(description)), StandardCharsets.UTF_8);
      Files.move(temporary, directory.resolve(key + ".json"),
          StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // read-only build directory, full disk: the check still ran
    }
  }

  static Map<String, Object> toJson(StatementDescription d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("refusal", refusal(d.refusal()));
    List<Object> parameters = new ArrayList<>();
    for (StatementDescription.Parameter p : d.parameters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("inferred", p.inferred());
      m.put("inferredDisplay", p.inferredDisplay());
      m.put("bindRefusal", refusal(p.bindRefusal()));
      parameters.add(m);
    }
    out.put("parameters", parameters);
    List<Object> columns = new ArrayList<>();
    for (SqlColumn c : d.columns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("type", c.type());
      m.put("display", c.display());
      m.put("enumType", c.enumType());
      m.put("table", c.table());
      m.put("tableColumn", c.tableColumn());
      m.put("notNull", c.notNull());
      m.put("outerJoined", c.outerJoined());
      columns.add(m);
    }
    out.put("columns", columns);
    out.put("uniqueKeys", new LinkedHashMap<>(d.uniqueKeys()));
    return out;
  }

  @SuppressWarnings("unchecked")
  static StatementDescription fromJson(Object json) {
    Map<String, Object> in = (Map<String, Object>) json;
    List<StatementDescription.Parameter> parameters = new ArrayList<>();
    for (Object o : (List<Object>) in.get("parameters")) {
      Map<String, Object> m = (Map<String, Object>) o;
      parameters.add(new StatementDescription.Parameter((String) m.get("name"),
          (String) m.get("inferred"), (String) m.get("inferredDisplay"),
          refusal(m.get("bindRefusal"))));
    }
    List<SqlColumn> columns = new ArrayList<>();
    for (Object o : (List<Object>) in.get("columns")) {
      Map<String, Object> m = (Map<String, Object>) o;
      columns.add(new SqlColumn((String) m.get("name"), (String) m.get("type"),
          (String) m.get("display"), (Boolean) m.get("enumType"), (String) m.get("table"),
          (String) m.get("tableColumn"), (Boolean) m.get("notNull"),
          (Boolean) m.get("outerJoined")));
    }
    Map<String, List<List<String>>> uniqueKeys = new LinkedHashMap<>();
    ((Map<String, Object>) in.get("uniqueKeys")).forEach((table, keys) -> {
      List<List<String>> sets = new ArrayList<>();
      for (Object key : (List<Object>) keys) {
        sets.add(((List<Object>) key).stream().map(String.class::cast).toList());
      }
      uniqueKeys.put(table, List.copyOf(sets));
    });
    return new StatementDescription(refusal(in.get("refusal")), List.copyOf(parameters),
        List.copyOf(columns), Map.copyOf(uniqueKeys));
  }

  private static Object refusal(Refusal r) {
    if (r == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", r.message());
    m.put("sqlState", r.sqlState());
    m.put("position", (long) r.position());
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Refusal refusal(Object json) {
    if (json == null) {
      return null;
    }
    Map<String, Object> m = (Map<String, Object>) json;
    return new Refusal((String) m.get("message"), (String) m.get("sqlState"),
        ((Number) m.get("position")).intValue());
  }
}
