package dev.larder.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A method's return type.
 *
 * @param typeName the declared return type
 * @param shape the shape around the element
 * @param element the row type (scalar or record) for reads; null for updates and unsupported
 */
public record Result(TypeName typeName, ResultShape shape, JavaType element) {}
