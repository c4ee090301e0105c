package dev.larder.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tag template can become at run time: its literal text with a hole where each placeholder
 * is ({@code "product:{id}"} is {@code product:} then a hole). Two templates can name the same tag
 * when some values of their holes make them equal, so {@code product:{id}} overlaps
 * {@code product:{row.id}} and {@code product:7}, but not {@code products}.
 *
 * <p>This is the one definition of "a write's tag can invalidate a read's tag": validation warns
 * with it, the generated description draws its edges with it, and the report tool matches tags
 * of different repositories with it. It uses only the JDK so that the report tool can load it
 * without javac or JavaPoet.
 *
 * @param literals the literal text before, between and after the holes: one more than there are
 *     holes (so {@code ["product:", ""]} for {@code product:{id}}, {@code ["products"]} for
 *     {@code products})
 */
public record TagShape(List<String> literals) {
  /** Marks a hole in the flattened form that {@link #overlaps} compares. */
  private static final int HOLE = -1;

  public TagShape {
    if (literals.isEmpty()) {
      throw new IllegalArgumentException("a tag shape has at least one literal, maybe empty");
    }
    literals = List.copyOf(literals);
  }

  /**
   * The shape of well-formed template text such as {@code "product:{id}"}: every {@code {...}} is
   * a hole.
   *
   * @throws IllegalArgumentException if a brace is unmatched or nested
   */
  public static TagShape parse(String template) {
    List<String> literals = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        int nested = template.indexOf('{', i + 1);
        if (close < 0 || (nested >= 0 && nested < close)) {
          throw new IllegalArgumentException(
              "template \"" + template + "\" has an unclosed or nested '{' at position " + i);
        }
        literals.add(literal.toString());
        literal.setLength(0);
        i = close + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException(
            "template \"" + template + "\" has a '}' with no '{' at position " + i);
      } else {
        literal.append(c);
        i++;
      }
    }
    literals.add(literal.toString());
    return new TagShape(literals);
  }

  /** Whether the template has no placeholder, so it names exactly one tag. */
  public boolean isConstant() {
    return literals.size() == 1;
  }

  /**
   * Whether some values of the holes of this shape and of {@code other} make them the same tag.
   * Exact for holes that stand for any text, including text that contains another shape's
   * literals.
   */
  public boolean overlaps(TagShape other) {
    int[] a = flatten();
    int[] b = other.flatten();
    // common[i][j]: a[i..] and b[j..] can spell the same text.
    boolean[][] common = new boolean[a.length + 1][b.length + 1];
    for (int i = a.length; i >= 0; i--) {
      for (int j = b.length; j >= 0; j--) {
        boolean result;
        if (i == a.length && j == b.length) {
          result = true;
        } else if (i < a.length && a[i] == HOLE) {
          // The hole ends here, or it spells b[j] (a character, or whatever b's hole spells).
          result = common[i + 1][j] || (j < b.length && common[i][j + 1]);
        } else if (j < b.length && b[j] == HOLE) {
          result = common[i][j + 1] || (i < a.length && common[i + 1][j]);
        } else if (i < a.length && j < b.length) {
          result = a[i] == b[j] && common[i + 1][j + 1];
        } else {
          result = false;
        }
        common[i][j] = result;
      }
    }
    return common[0][0];
  }

  /** The characters of the literals with {@link #HOLE} between them. */
  private int[] flatten() {
    int length = literals.size() - 1;
    for (String literal : literals) {
      length += literal.length();
    }
    int[] out = new int[length];
    int n = 0;
    for (int k = 0; k < literals.size(); k++) {
      if (k > 0) {
        out[n++] = HOLE;
      }
      String literal = literals.get(k);
      for (int c = 0; c < literal.length(); c++) {
        out[n++] = literal.charAt(c);
      }
    }
    return out;
  }

  /** The shape with each hole written {@code {}}: {@code product:{}}. */
  @Override
  public String toString() {
    return String.join("{}", literals);
  }
}
