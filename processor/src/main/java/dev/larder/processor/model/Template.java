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

  /** The placeholders of this template. */
  public List<Placeholder> placeholders() {
    return segments.stream()
        .filter(Placeholder.class::isInstance)
        .map(Placeholder.class::cast)
        .toList();
  }
}
