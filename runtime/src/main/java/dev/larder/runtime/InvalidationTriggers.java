package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the SQL of PostgreSQL triggers that announce changes to a table as tag invalidations,
 * for {@link Larder#listenForInvalidations(String)}: after every inserted, updated or deleted row
 * the trigger sends the row's tags (resolved from templates such as {@code "product:{id}"}, with
 * the old and the new values of an update) on a channel. Notifications are delivered when the
 * writing transaction commits, and not at all when it rolls back.
 *
 * <pre>{@code
 * String sql = InvalidationTriggers.forTable("product", "larder_invalidations",
 *     "product:{id}", "category:{category}", "products");
 * // run it once, e.g. in a Flyway migration
 * }</pre>
 *
 * <p>Placeholder values are encoded in SQL exactly as {@code KeyEncoding} encodes them in Java
 * for text and integer columns ({@code larder_key_part}, see {@link #keyPartFunction()}: the same
 * code points escaped, whatever the database's locale, and the same 64-code-point limit), so the
 * tags match those of the generated repositories; the database must be in UTF-8. Columns of
 * other types (timestamps, numerics with scale) print differently in SQL and Java and should not
 * be used in trigger tags. {@code TRUNCATE} fires no row trigger: invalidate by hand after one.
 */
public final class InvalidationTriggers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** PostgreSQL's NAMEDATALEN less one; the names here are ASCII, one byte a character. */
  private static final int MAX_IDENTIFIER_LENGTH = 63;
  private static final Pattern QUALIFIED = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")?");

  private InvalidationTriggers() {}

  /**
   * The SQL function {@code larder_key_part(text)}, the SQL twin of the Java key encoding of one
   * value. Included by {@link #forTable}; exposed for tests and for hand-written triggers.
   *
   * <p>It follows the rule written in {@code KeyEncoding} to the letter, without regular
   * expression classes, whose meaning depends on the locale of the database and even on the
   * collation of the argument: it escapes the reserved characters, U+0000 to U+0020, U+007F to
   * U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000, taking the code
   * point of each character with {@code ascii()}, and hashes an encoded part longer than 64 code
   * points. The database must be in UTF-8, as {@code ascii()} gives code points only there.
   */
  public static String keyPartFunction() {
    return """
        CREATE OR REPLACE FUNCTION larder_key_part(value text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE AS $larder$
        DECLARE
          encoded text := '';
          c text;
          cp integer;
          b bytea;
        BEGIN
          IF value IS NULL THEN
            RETURN '~';
          END IF;
          IF value = '' THEN
            RETURN '""';
          END IF;
          FOR i IN 1..length(value) LOOP
            c := substr(value, i, 1);
            cp := ascii(c);
            -- The code points of KeyEncoding, in decimal (0x literals need PostgreSQL 16):
            -- U+0000-U+0020, U+007F-U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
            -- U+205F, U+3000.
            IF strpos(':,[]()@~#*%{}"', c) > 0 OR cp <= 32 OR cp BETWEEN 127 AND 160
                OR cp = 5760 OR cp BETWEEN 8192 AND 8202
                OR cp IN (8232, 8233, 8239, 8287, 12288) THEN
              b := convert_to(c, 'UTF8');
              FOR j IN 0..length(b) - 1 LOOP
                encoded := encoded || '%' || upper(lpad(to_hex(get_byte(b, j)), 2, '0'));
              END LOOP;
            ELSE
              encoded := encoded || c;
            END IF;
          END LOOP;
          -- length() counts code points, as KeyEncoding does.
          IF length(encoded) > 64 THEN
            RETURN '#' || rtrim(translate(encode(sha256(convert_to(encoded, 'UTF8')), 'base64'),
                '+/', '-_'), '=');
          END IF;
          RETURN encoded;
        END $larder$;
        """;
  }

  /**
   * The SQL that installs (or replaces) the trigger of one table.
   *
   * @param table the table, optionally schema-qualified ({@code shop.product})
   * @param channel the channel to notify, the one given to {@code listenForInvalidations}
   * @param tagTemplates tag templates whose placeholders name columns of the table
   * @return a script: the encoding function, the trigger function and the trigger
   * @throws IllegalArgumentException if a name is not a plain SQL identifier or a template is
   *     malformed
   */
  public static String forTable(String table, String channel, String... tagTemplates) {
    requireNonNull(table, "table");
    requireNonNull(channel, "channel");
    if (!QUALIFIED.matcher(table).matches()) {
      throw new IllegalArgumentException("table must be a plain SQL name like product or"
          + " shop.product but was '" + table + "'");
    }
    if (!IDENTIFIER.matcher(channel).matches()) {
      throw new IllegalArgumentException("channel must be a plain SQL name but was '" + channel + "'");
    }
    if (tagTemplates.length == 0) {
      throw new IllegalArgumentException("give at least one tag template, e.g. \"product:{id}\"");
    }
    String name = identifier("larder_notify_" + table.replace('.', '_'));
    String functionName = table.contains(".")
        ? table.substring(0, table.indexOf('.') + 1) + name : name;
    String body = "\n"
        + "DECLARE\n"
        + "  tags text := '';\n"
        + "BEGIN\n"
        + "  IF TG_OP IN ('INSERT', 'UPDATE') THEN\n"
        + "    tags := tags" + rowTags("NEW", tagTemplates) + ";\n"
        + "  END IF;\n"
        + "  IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
        + "    tags := tags" + rowTags("OLD", tagTemplates) + ";\n"
        + "  END IF;\n"
        + "  PERFORM pg_notify('" + channel + "', tags);\n"
        + "  RETURN NULL;\n"
        + "END ";
    String quote = dollarTag(body);
    return keyPartFunction() + "\n"
        + "CREATE OR REPLACE FUNCTION " + functionName + "() RETURNS trigger\n"
        + "LANGUAGE plpgsql AS " + quote + body + quote + ";\n\n"
        + "DROP TRIGGER IF EXISTS " + name + " ON " + table + ";\n"
        + "CREATE TRIGGER " + name + " AFTER INSERT OR UPDATE OR DELETE ON " + table + "\n"
        + "  FOR EACH ROW EXECUTE FUNCTION " + functionName + "();\n";
  }

  /**
   * A name PostgreSQL keeps whole: it cuts identifiers at 63 bytes, so two long table names
   * sharing their first 49 characters would give one function, the second script replacing the
   * first table's. A longer name keeps its first 54 characters and gets 8 hex digits of the
   * SHA-256 of the whole name; shorter names are unchanged.
   */
  static String identifier(String name) {
    if (name.length() <= MAX_IDENTIFIER_LENGTH) {
      return name;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(name.getBytes(StandardCharsets.UTF_8));
      return name.substring(0, MAX_IDENTIFIER_LENGTH - 9) + "_"
          + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * A dollar quote that does not occur in the body: a tag template may hold any text, {@code
   * $larder$} included, which would otherwise end the function's body early.
   */
  private static String dollarTag(String body) {
    String tag = "$larder$";
    for (int i = 1; body.contains(tag); i++) {
      tag = "$larder" + i + "$";
    }
    return tag;
  }

  /** {@code  || 'product:' || larder_key_part(NEW.id::text) || E'\n' || ...}. */
  private static String rowTags(String row, String[] templates) {
    StringBuilder out = new StringBuilder();
    for (String template : templates) {
      requireNonNull(template, "tag template");
      for (String piece : pieces(template, row)) {
        out.append(" || ").append(piece);
      }
      out.append(" || E'\\n'");
    }
    return out.toString();
  }

  private static List<String> pieces(String template, String row) {
    List<String> pieces = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = template.indexOf('}', i);
      if (open < 0 && close < 0) {
        pieces.add(literal(template.substring(i)));
        break;
      }
      if (open < 0 || close < open) {
        throw new IllegalArgumentException("tag template '" + template + "' has a '}' without '{'");
      }
      if (open > i) {
        pieces.add(literal(template.substring(i, open)));
      }
      int end = template.indexOf('}', open);
      if (end < 0) {
        throw new IllegalArgumentException("tag template '" + template + "' has an unclosed '{'");
      }
      String column = template.substring(open + 1, end).trim();
      if (!IDENTIFIER.matcher(column).matches()) {
        throw new IllegalArgumentException("tag template '" + template + "' names {" + column
            + "}, which is not a column name");
      }
      pieces.add("larder_key_part(" + row + "." + column + "::text)");
      i = end + 1;
    }
    return pieces;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
