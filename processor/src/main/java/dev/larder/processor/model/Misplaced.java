package dev.larder.processor.model;

/**
 * A Larder annotation somewhere it has no meaning (on a default method, a class, a method of an
 * interface that is not a repository).
 *
 * @param annotation the annotation's simple name, e.g. {@code Query}
 * @param where what the element is, e.g. "a default method"
 * @param source the annotated element and annotation
 */
public record Misplaced(String annotation, String where, Source source) {}
