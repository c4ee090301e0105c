package dev.larder.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where something came from in the user's code, so that a diagnostic points at the offending
 * element, annotation and value. Opaque to generators, which only ask it for the originating
 * element.
 *
 * @param element the element, never null
 * @param annotation the annotation on it, or null
 * @param value the annotation value, or null
 */
public record Source(Element element, AnnotationMirror annotation, AnnotationValue value) {

  public static Source of(Element element) {
    return new Source(element, null, null);
  }

  public Source withAnnotation(AnnotationMirror mirror, AnnotationValue annotationValue) {
    return new Source(element, mirror, annotationValue);
  }
}
