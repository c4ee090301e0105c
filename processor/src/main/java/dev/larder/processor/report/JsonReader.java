package dev.larder.processor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON (RFC 8259) into {@link LinkedHashMap}s, {@link ArrayList}s, strings, booleans,
 * nulls, and numbers ({@code Long} when integral and in range, else {@code BigDecimal}). Enough to
 * read back the descriptions {@link JsonWriter} writes, and strict: anything that is not JSON is
 * an {@link IllegalArgumentException} naming the line and column.
 */
public final class JsonReader {
  private final String text;
  private int position;

  private JsonReader(String text) {
    this.text = text;
  }

  /** The value {@code text} holds. */
  public static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    reader.whitespace();
    Object value = reader.value();
    reader.whitespace();
    if (reader.position < text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  private Object value() {
    if (position >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    position++;
    whitespace();
    if (peek() == '}') {
      position++;
      return map;
    }
    while (true) {
      whitespace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      int keyAt = position;
      String key = string();
      whitespace();
      expect(':');
      whitespace();
      if (map.containsKey(key)) {
        position = keyAt;
        throw error("duplicate key \"" + key + "\"");
      }
      map.put(key, value());
      whitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    position++;
    whitespace();
    if (peek() == ']') {
      position++;
      return list;
    }
    while (true) {
      whitespace();
      list.add(value());
      whitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    position++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        position--;
        throw error("control character in a string; escape it");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = hexDigit(text.charAt(position));
            if (digit < 0) {
              throw error("bad \\u escape");
            }
            code = code * 16 + digit;
            position++;
          }
          out.append((char) code);
        }
        default -> {
          position -= 2;
          throw error("unknown escape \\" + escaped);
        }
      }
    }
  }

  private Object number() {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    if (peek() == '0') {
      position++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      position++;
      if (!isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      position++;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      digits();
    }
    String number = text.substring(start, position);
    if (integral) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        // falls through to BigDecimal
      }
    }
    return new BigDecimal(number);
  }

  private void digits() {
    while (isDigit(peek())) {
      position++;
    }
  }

  /** The value of an ASCII hex digit, or -1 (unlike Character.digit, no other scripts). */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected text; expected " + word);
    }
    position += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error(position >= text.length() ? "unexpected end of input; expected '" + c + "'"
          : "expected '" + c + "'");
    }
    position++;
  }

  /** The next character, or NUL at the end (never valid where a character is tested). */
  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void whitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private IllegalArgumentException error(String problem) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(position, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new IllegalArgumentException(
        "not JSON: " + problem + " at line " + line + ", column " + column);
  }
}
