package dev.larder.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A key or tag template such as {@code "product:{id}"}, split into literal text and placeholders.
 *
 * @param text the template as written
 * @param segments literal and placeholder segments in order
 * @param source the annotation value holding it
 * @param syntaxError what is wrong with the template's braces, or null when it parses
 */
public record Template(String text, List<Segment> segments, Source source, String syntaxError) {
  /**
   * The printable characters that tell two placeholders apart: those that the runtime's
   * {@code KeyEncoding} escapes inside every value and writes only as whole structure ({@code ~}
   * for null, {@code ""} for the empty string, brackets and commas of lists and records, a
   * leading {@code #} of a hash). {@code %} is reserved too but left out: it starts every escape,
   * so {@code {a}%{b}} gives one key for ("x", "25%") and ("x%", "25"). Braces cannot be literal
   * text of a template. The spaces and controls it escapes separate as well ({@link #separates}).
   */
  public static final String SEPARATORS = ":,[]()@~#*\"";

  /** A piece of a template. */
  public sealed interface Segment {}

  /** Literal text, copied to the key as is. */
  public record Literal(String text) implements Segment {}

  /**
   * A {@code {path}} placeholder, resolved against the method's parameters.
   *
   * @param path as written: {@code id} or {@code filter.category}
   * @param parameter the parameter it names, or null if unknown
   * @param component the record component it names, or null for a whole parameter
   * @param perElement true when it names a component of the batch element (one tag per row)
   */
  public record Placeholder(
      String path, Parameter parameter, JavaType.Component component, boolean perElement)
      implements Segment {

    public boolean resolved() {
      return parameter != null;
    }
  }

  /** What this template can become at run time, each placeholder a hole. */
  public TagShape shape() {
    List<String> literals = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Literal l) {
        literal.append(l.text());
      } else {
        literals.add(literal.toString());
        literal.setLength(0);
      }
    }
    literals.add(literal.toString());
    return new TagShape(literals);
  }

  /**
   * Two placeholders with nothing but text values may contain between them, so that different
   * values give one key: {@code "{a}{b}"} is ("ab", "c") and ("a", "bc").
   *
   * @param first the placeholder before
   * @param between the literal text between them, maybe empty
   * @param second the placeholder after
   */
  public record Unseparated(Placeholder first, String between, Placeholder second) {}

  /** The first two placeholders not separated by one of {@link #SEPARATORS}, or null. */
  public Unseparated unseparated() {
    Placeholder previous = null;
    StringBuilder between = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Literal l) {
        between.append(l.text());
      } else {
        Placeholder p = (Placeholder) segment;
        if (previous != null && !separates(between)) {
          return new Unseparated(previous, between.toString(), p);
        }
        previous = p;
        between.setLength(0);
      }
    }
    return null;
  }

  /**
   * The template with a {@code :} between every two placeholders that need one: the text between
   * them replaced when it is only punctuation ({@code {a}-{b}} becomes {@code {a}:{b}}), kept
   * between colons otherwise ({@code {a}by{b}} becomes {@code {a}:by:{b}}).
   */
  public String separated() {
    StringBuilder out = new StringBuilder();
    StringBuilder between = new StringBuilder();
    boolean afterPlaceholder = false;
    for (Segment segment : segments) {
      if (segment instanceof Literal l) {
        between.append(l.text());
        continue;
      }
      if (afterPlaceholder && !separates(between)) {
        boolean words = between.chars().anyMatch(Character::isLetterOrDigit);
        out.append(words ? ":" + between + ":" : ":");
      } else {
        out.append(between);
      }
      between.setLength(0);
      out.append('{').append(((Placeholder) segment).path()).append('}');
      afterPlaceholder = true;
    }
    return out.append(between).toString();
  }

  private static boolean separates(CharSequence between) {
    return between.chars().anyMatch(Template::separates);
  }

  /**
   * Whether no value's key part can hold {@code c} but as structure: {@link #SEPARATORS} and
   * what {@code KeyEncoding.mustEscape} escapes besides them (spaces and controls).
   */
  public static boolean separates(int c) {
    return SEPARATORS.indexOf(c) >= 0 || c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
        || c == 0x205F || c == 0x3000;
  }

  /** The placeholders of this template. */
  public List<Placeholder> placeholders() {
    return segments.stream()
        .filter(Placeholder.class::isInstance)
        .map(Placeholder.class::cast)
        .toList();
  }
}
