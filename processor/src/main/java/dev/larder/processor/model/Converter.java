package dev.larder.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * The converter of a type annotated {@code @ConvertWith}, as read; validation reports what is
 * wrong with it.
 *
 * @param converter the converter class
 * @param javaType {@code J} of the {@code ColumnConverter<J, S>} it implements, itself or through
 *     a base class or interface (type arguments substituted), or null when it implements none
 * @param database {@code S}, a {@link JavaType.Scalar} when Larder maps it, else
 *     {@link JavaType.Unsupported}; null when the class implements no {@code ColumnConverter}
 * @param json whether it extends {@code dev.larder.runtime.JsonConverter}: its JSON text is then
 *     bound untyped, so that PostgreSQL takes it as the json or jsonb it goes into, without a cast
 * @param instantiable whether generated code can create it: a public, non-abstract top-level or
 *     static nested class with a public constructor without parameters
 * @param source the {@code @ConvertWith} on the annotated type, with its value
 */
public record Converter(
    ClassName converter, TypeName javaType, JavaType database, boolean json, boolean instantiable,
    Source source) {

  /** The column type, when Larder maps it. */
  public JavaType.Scalar databaseScalar() {
    return database instanceof JavaType.Scalar scalar ? scalar : null;
  }
}
