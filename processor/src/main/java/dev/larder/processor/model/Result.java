package dev.larder.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A method's return type.
 *
 * @param typeName the declared return type
 * @param shape the shape around the element
 * @param element the row type (scalar or record) of a read or of an update with RETURNING; null
 *     for an update returning its row count or nothing, and for unsupported types
 */
public record Result(TypeName typeName, ResultShape shape, JavaType element) {}
