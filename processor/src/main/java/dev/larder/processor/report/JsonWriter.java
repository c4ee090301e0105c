package dev.larder.processor.report;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@link Map}s (keys in iteration order), {@link List}s, strings, booleans,
 * integral numbers and nulls as JSON (RFC 8259), indented two spaces. An object or array whose
 * members are all scalars stays on one line. The processor may not depend on a JSON library, and
 * this is all it needs: the output is deterministic and every string is escaped.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  /** The JSON text of {@code value}, ending with a newline. */
  public static String write(Object value) {
    JsonWriter writer = new JsonWriter();
    writer.value(value, 0);
    return writer.out.append('\n').toString();
  }

  /**
   * {@code text} as a JSON string literal, quotes included. Escapes the quote, the backslash and
   * every control character; also U+2028 and U+2029 (so the text can be pasted into JavaScript)
   * and unpaired surrogates (which UTF-8 cannot encode and would otherwise become '?').
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicodeEscape(quoted, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            quoted.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(quoted, c);
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }

  private void value(Object value, int depth) {
    if (value instanceof Map<?, ?> map) {
      object(map, depth);
    } else if (value instanceof List<?> list) {
      array(list, depth);
    } else {
      out.append(scalar(value));
    }
  }

  private void object(Map<?, ?> map, int depth) {
    if (allScalars(map.values())) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(separator).append(quote(key(e.getKey()))).append(": ")
            .append(scalar(e.getValue()));
        separator = ", ";
      }
      out.append('}');
      return;
    }
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      indent(depth + 1);
      out.append(quote(key(e.getKey()))).append(": ");
      value(e.getValue(), depth + 1);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    indent(depth);
    out.append('}');
  }

  private void array(List<?> list, int depth) {
    if (allScalars(list)) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? ", " : "").append(scalar(list.get(i)));
      }
      out.append(']');
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      indent(depth + 1);
      value(list.get(i), depth + 1);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    indent(depth);
    out.append(']');
  }

  private static boolean allScalars(java.util.Collection<?> values) {
    return values.stream().noneMatch(v -> v instanceof Map || v instanceof List);
  }

  private static String key(Object key) {
    if (key instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("JSON object keys are strings, not " + key);
  }

  private static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
  }

  private void indent(int depth) {
    out.append("  ".repeat(depth));
  }
}
