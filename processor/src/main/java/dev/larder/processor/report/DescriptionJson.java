package dev.larder.processor.report;

import dev.larder.processor.report.RepositoryDescription.Cache;
import dev.larder.processor.report.RepositoryDescription.MethodDescription;
import dev.larder.processor.report.RepositoryDescription.Parameter;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Transactional;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link RepositoryDescription}, both ways. Fields come in a fixed order;
 * {@code "format"} is 1 and goes up only when a field changes meaning or disappears (new fields
 * may appear at any time, and readers ignore fields they do not know).
 */
public final class DescriptionJson {
  /** The version of the format this class writes and reads. */
  public static final int FORMAT = 1;

  private DescriptionJson() {}

  /** The description as JSON text. */
  public static String write(RepositoryDescription description) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("repository", description.name());
    root.put("simpleName", description.simpleName());
    Cache cache = description.cache();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("ttl", cache.ttl());
    settings.put("emptyTtl", cache.emptyTtl());
    settings.put("staleWhileRevalidate", cache.staleWhileRevalidate());
    settings.put("consistency", cache.consistency());
    root.put("cache", settings);
    List<Object> methods = new ArrayList<>();
    for (MethodDescription m : description.methods()) {
      Map<String, Object> method = m instanceof Read read ? read(read) : write((Write) m);
      List<RepositoryDescription.Column> columns = description.columnsOf(m);
      if (!columns.isEmpty()) {
        // Written only when the schema check ran, so that an unchecked build's JSON is unchanged.
        List<Object> out = new ArrayList<>();
        for (RepositoryDescription.Column c : columns) {
          Map<String, Object> column = new LinkedHashMap<>();
          column.put("name", c.name());
          column.put("type", c.type());
          column.put("nullable", c.nullable());
          out.add(column);
        }
        method.put("columns", out);
      }
      methods.add(method);
    }
    root.put("methods", methods);
    List<Object> transactional = new ArrayList<>();
    for (Transactional t : description.transactional()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", t.name());
      out.put("parameters", parameters(t.parameters()));
      out.put("returns", t.returns());
      out.put("transaction", t.transaction());
      out.put("isolation", t.isolation());
      out.put("readOnly", t.readOnly());
      out.put("maxAttempts", t.maxAttempts());
      out.put("deadline", t.deadline());
      out.put("retryOn", t.retryOn());
      transactional.add(out);
    }
    root.put("transactional", transactional);
    return JsonWriter.write(root);
  }

  private static Map<String, Object> read(Read read) {
    Map<String, Object> out = common(read, "read");
    if (!read.cached()) {
      // Written only when false, so that a cached read is described as it always was.
      out.put("cached", false);
      return out;
    }
    out.put("key", read.key());
    out.put("tags", read.tags());
    out.put("ttl", read.ttl());
    out.put("invalidatedBy", read.invalidatedBy());
    return out;
  }

  private static Map<String, Object> write(Write write) {
    Map<String, Object> out = common(write, "write");
    out.put("batch", write.batch());
    out.put("invalidatesTags", write.invalidatesTags());
    out.put("reason", write.reason());
    out.put("invalidatesReads", write.invalidatesReads());
    return out;
  }

  private static Map<String, Object> common(MethodDescription m, String kind) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    out.put("uniqueName", m.uniqueName());
    out.put("kind", kind);
    out.put("parameters", parameters(m.parameters()));
    out.put("returns", m.returns());
    out.put("sql", m.sql());
    out.put("fingerprint", m.fingerprint());
    return out;
  }

  /** Its {@code uniqueName}; a description written before overloads were allowed has none. */
  private static String uniqueName(Fields method) {
    String unique = method.nullableString("uniqueName");
    return unique != null ? unique : method.string("name");
  }

  private static List<Object> parameters(List<Parameter> parameters) {
    List<Object> out = new ArrayList<>();
    for (Parameter p : parameters) {
      Map<String, Object> parameter = new LinkedHashMap<>();
      parameter.put("name", p.name());
      parameter.put("type", p.type());
      out.add(parameter);
    }
    return out;
  }

  /**
   * Reads a description written by {@link #write}.
   *
   * @throws IllegalArgumentException if {@code json} is not JSON, has another format, or lacks a
   *     field
   */
  public static RepositoryDescription read(String json) {
    Fields root = new Fields(JsonReader.parse(json), "the description");
    Object format = root.map.get("format");
    if (!(format instanceof Long n) || n != FORMAT) {
      throw new IllegalArgumentException("not a Larder description of format " + FORMAT
          + ": \"format\" is " + format + "; rebuild with this version of Larder");
    }
    Fields cache = root.object("cache");
    List<MethodDescription> methods = new ArrayList<>();
    Map<String, List<RepositoryDescription.Column>> columns = new LinkedHashMap<>();
    for (Fields m : root.objects("methods")) {
      String kind = m.string("kind");
      List<RepositoryDescription.Column> described = new ArrayList<>();
      for (Fields c : m.objects("columns")) {
        described.add(new RepositoryDescription.Column(c.string("name"), c.string("type"),
            c.bool("nullable")));
      }
      if (!described.isEmpty()) {
        columns.put(uniqueName(m), described);
      }
      switch (kind) {
        case "read" -> methods.add(m.map.get("cached") instanceof Boolean cached && !cached
            ? Read.uncached(m.string("name"), uniqueName(m), parameters(m), m.string("returns"),
                m.string("sql"), m.string("fingerprint"))
            : new Read(m.string("name"), uniqueName(m), parameters(m), m.string("returns"),
                m.string("sql"), m.string("fingerprint"), m.string("key"), m.strings("tags"),
                m.string("ttl"), m.strings("invalidatedBy")));
        case "write" -> methods.add(new Write(m.string("name"), uniqueName(m), parameters(m),
            m.string("returns"), m.string("sql"), m.string("fingerprint"), m.bool("batch"),
            m.strings("invalidatesTags"), m.string("reason"), m.strings("invalidatesReads")));
        default -> throw new IllegalArgumentException(
            "method " + m.string("name") + " has kind \"" + kind + "\"; expected read or write");
      }
    }
    List<Transactional> transactional = new ArrayList<>();
    for (Fields t : root.objects("transactional")) {
      Object attempts = t.map.get("maxAttempts");
      transactional.add(new Transactional(t.string("name"), parameters(t), t.string("returns"),
          t.string("transaction"), t.string("isolation"), t.bool("readOnly"),
          attempts == null ? null : Math.toIntExact(t.number("maxAttempts")),
          t.nullableString("deadline"), t.strings("retryOn")));
    }
    return new RepositoryDescription(root.string("repository"), root.string("simpleName"),
        new Cache(cache.string("ttl"), cache.string("emptyTtl"),
            cache.string("staleWhileRevalidate"), cache.string("consistency")),
        methods, transactional, columns);
  }

  private static List<Parameter> parameters(Fields owner) {
    List<Parameter> out = new ArrayList<>();
    for (Fields p : owner.objects("parameters")) {
      out.add(new Parameter(p.string("name"), p.string("type")));
    }
    return out;
  }

  /** A JSON object's fields, read with a message naming what is missing or mistyped. */
  private static final class Fields {
    final Map<?, ?> map;
    final String where;

    Fields(Object value, String where) {
      if (!(value instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(where + " is not a JSON object");
      }
      this.map = m;
      this.where = where;
    }

    String string(String name) {
      String value = nullableString(name);
      if (value == null) {
        throw new IllegalArgumentException(where + " has no \"" + name + "\"");
      }
      return value;
    }

    String nullableString(String name) {
      return typed(name, String.class);
    }

    boolean bool(String name) {
      Boolean value = typed(name, Boolean.class);
      return value != null && value;
    }

    long number(String name) {
      Long value = typed(name, Long.class);
      if (value == null) {
        throw new IllegalArgumentException(where + " has no \"" + name + "\"");
      }
      return value;
    }

    List<String> strings(String name) {
      List<String> out = new ArrayList<>();
      for (Object item : list(name)) {
        if (!(item instanceof String s)) {
          throw new IllegalArgumentException(where + ": \"" + name + "\" holds " + item
              + ", not a string");
        }
        out.add(s);
      }
      return out;
    }

    Fields object(String name) {
      return new Fields(map.get(name), where + ": \"" + name + "\"");
    }

    List<Fields> objects(String name) {
      List<Fields> out = new ArrayList<>();
      List<?> items = list(name);
      for (int i = 0; i < items.size(); i++) {
        out.add(new Fields(items.get(i), where + ": \"" + name + "\"[" + i + "]"));
      }
      return out;
    }

    private List<?> list(String name) {
      Object value = map.get(name);
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw new IllegalArgumentException(where + ": \"" + name + "\" is not an array");
      }
      return list;
    }

    private <T> T typed(String name, Class<T> type) {
      Object value = map.get(name);
      if (value != null && !type.isInstance(value)) {
        throw new IllegalArgumentException(where + ": \"" + name + "\" is " + value
            + ", not a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
      }
      return type.cast(value);
    }
  }
}
