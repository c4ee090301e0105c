package dev.larder.processor.read;

import dev.larder.processor.model.DurationSetting;
import dev.larder.processor.model.Source;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotation values through {@link AnnotationMirror}s, defaults included: the one place the
 * readers of repositories, methods and transactions read a value from.
 */
final class AnnotationReader {
  private final Elements elements;

  AnnotationReader(Elements elements) {
    this.elements = elements;
  }

  /** The mirror of the annotation named {@code qualifiedName} on {@code element}, or null. */
  static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The value of member {@code name}, its default when not written. */
  AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException(
        "annotation " + mirror.getAnnotationType() + " has no member " + name);
  }

  /** The value written explicitly for member {@code name}, or null when it is the default. */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  String string(AnnotationMirror mirror, String name) {
    Object value = value(mirror, name).getValue();
    return value instanceof String s ? s : "";
  }

  /** A boolean member, its default when not written. */
  boolean bool(AnnotationMirror mirror, String name) {
    return Boolean.TRUE.equals(value(mirror, name).getValue());
  }

  /** The name of an enum constant value. */
  String enumConstant(AnnotationMirror mirror, String name) {
    Object value = value(mirror, name).getValue();
    return value instanceof VariableElement constant ? constant.getSimpleName().toString() : "";
  }

  /**
   * The elements of an array member with their own values, so that a diagnostic can point at one
   * element of {@code tags = {"a", "b"}}.
   */
  List<AnnotationValue> array(AnnotationMirror mirror, String name) {
    Object value = value(mirror, name).getValue();
    List<AnnotationValue> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object element : list) {
        out.add((AnnotationValue) element);
      }
    }
    return out;
  }

  /**
   * An ISO-8601 duration member of the annotation {@code mirror} on {@code element}, as written
   * and parsed; a text that does not parse has a null value, which validation reports.
   */
  DurationSetting duration(Element element, AnnotationMirror mirror, String member) {
    String text = string(mirror, member).trim();
    Source source = Source.of(element).withAnnotation(mirror, value(mirror, member));
    try {
      return new DurationSetting(text, Duration.parse(text), source);
    } catch (DateTimeParseException e) {
      return new DurationSetting(text, null, source);
    }
  }
}
