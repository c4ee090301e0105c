package dev.larder.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enums, and the types annotated {@code @ConvertWith}, that methods bind or read, each once,
 * in order of first use.
 */
public final class EnumTypes {
  private EnumTypes() {}

  /** The enums of the methods' parameters (record components included) and results. */
  public static List<JavaType.Scalar> used(List<Method> methods) {
    Map<String, JavaType.Scalar> out = new LinkedHashMap<>();
    for (Method method : methods) {
      method.parameters().forEach(p -> add(out, p.element()));
      if (method.result() != null) {
        add(out, method.result().element());
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The enums of the methods' parameters whose labels are not all their names. */
  public static List<JavaType.Scalar> relabelledParameters(List<Method> methods) {
    Map<String, JavaType.Scalar> out = new LinkedHashMap<>();
    for (Method method : methods) {
      method.parameters().forEach(p -> add(out, p.element()));
    }
    return out.values().stream().filter(JavaType.Scalar::relabelled).toList();
  }

  /** The types with a converter that the methods' parameters or results use. */
  public static List<JavaType.Scalar> converted(List<Method> methods) {
    Map<String, JavaType.Scalar> out = new LinkedHashMap<>();
    for (Method method : methods) {
      method.parameters().forEach(p -> addConverted(out, p.element()));
      if (method.result() != null) {
        addConverted(out, method.result().element());
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The types with a converter that the methods' parameters use, which keys and tags may. */
  public static List<JavaType.Scalar> convertedParameters(List<Method> methods) {
    Map<String, JavaType.Scalar> out = new LinkedHashMap<>();
    for (Method method : methods) {
      method.parameters().forEach(p -> addConverted(out, p.element()));
    }
    return new ArrayList<>(out.values());
  }

  private static void addConverted(Map<String, JavaType.Scalar> out, JavaType type) {
    if (type instanceof JavaType.Scalar scalar && scalar.kind() == ScalarKind.CONVERTED) {
      out.putIfAbsent(scalar.typeName().toString(), scalar);
    } else if (type instanceof JavaType.Record record) {
      record.components().forEach(c -> addConverted(out, c.type()));
    }
  }

  private static void add(Map<String, JavaType.Scalar> out, JavaType type) {
    if (type instanceof JavaType.Scalar scalar && scalar.kind().enumLike()) {
      out.putIfAbsent(scalar.element().typeName().toString(), scalar.element());
    } else if (type instanceof JavaType.Record record) {
      record.components().forEach(c -> add(out, c.type()));
    }
  }
}
