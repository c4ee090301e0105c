package dev.larder.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * A method parameter.
 *
 * @param name the parameter name
 * @param typeName the declared type, for generated signatures
 * @param kind how it binds
 * @param element the scalar type (SCALAR, ARRAY element) or record type (RECORD, BATCH element),
 *     or an Unsupported type
 * @param source where it is declared
 */
public record Parameter(
    String name, TypeName typeName, ParameterKind kind, JavaType element, Source source) {

  public JavaType.Record record() {
    return element instanceof JavaType.Record r ? r : null;
  }

  /** The declared type as Java tells overloads apart: without type arguments. */
  public TypeName erasedTypeName() {
    return erasure(typeName);
  }

  private static TypeName erasure(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      return parameterized.rawType();
    }
    if (type instanceof ArrayTypeName array) {
      return ArrayTypeName.of(erasure(array.componentType()));
    }
    return type;
  }
}
