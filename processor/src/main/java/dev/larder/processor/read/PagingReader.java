package dev.larder.processor.read;

import static dev.larder.processor.read.LarderAnnotations.ORDER_BY;

import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.KeysetOrder;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Result;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads what makes a method paged: the runtime's paging types in its signature, named and never
 * loaded, and its {@code @OrderBy}.
 */
final class PagingReader {
  static final String PAGE = "dev.larder.runtime.Page";
  static final String CURSOR_PAGE = "dev.larder.runtime.CursorPage";
  static final String PAGE_REQUEST = "dev.larder.runtime.PageRequest";
  static final String CURSOR = "dev.larder.runtime.Cursor";
  /** The name the {@code int} page size of a keyset-paged method must have. */
  static final String LIMIT_NAME = "limit";

  private final AnnotationReader annotations;
  private final TypeReader types;

  PagingReader(AnnotationReader annotations, TypeReader types) {
    this.annotations = annotations;
    this.types = types;
  }

  /**
   * The paging kind of a parameter: a {@code PageRequest}, a {@code Cursor}, or the
   * {@code int limit} of a method returning {@code CursorPage}; null for any other parameter.
   */
  ParameterKind kind(String name, TypeMirror type, Result result) {
    if (is(type, PAGE_REQUEST)) {
      return ParameterKind.PAGE_REQUEST;
    }
    if (is(type, CURSOR)) {
      return ParameterKind.CURSOR;
    }
    if (result.shape() == ResultShape.CURSOR_PAGE && type.getKind() == TypeKind.INT
        && name.equals(LIMIT_NAME)) {
      return ParameterKind.LIMIT;
    }
    return null;
  }

  /** The element type of {@code Page<X>} or {@code CursorPage<X>}, with its shape; else null. */
  ResultShape shape(TypeMirror type) {
    if (types.argumentOf(type, Set.of(PAGE)) != null) {
      return ResultShape.PAGE;
    }
    if (types.argumentOf(type, Set.of(CURSOR_PAGE)) != null) {
      return ResultShape.CURSOR_PAGE;
    }
    return null;
  }

  /** The row type argument of a paged result type. */
  TypeMirror rowType(TypeMirror type) {
    TypeMirror row = types.argumentOf(type, Set.of(PAGE));
    return row != null ? row : types.argumentOf(type, Set.of(CURSOR_PAGE));
  }

  /** The method's {@code @OrderBy}, resolved against the row record of {@code result}; or null. */
  KeysetOrder order(ExecutableElement method, Result result) {
    AnnotationMirror mirror = AnnotationReader.find(method, ORDER_BY);
    if (mirror == null) {
      return null;
    }
    Source source = Source.of(method).withAnnotation(mirror, null);
    JavaType.Record row = result.element() instanceof JavaType.Record r ? r : null;
    List<KeysetOrder.Column> columns = new ArrayList<>();
    for (AnnotationValue value : annotations.array(mirror, "value")) {
      String text = value.getValue() instanceof String s ? s : "";
      columns.add(column(text, row, source.withAnnotation(mirror, value)));
    }
    List<KeysetOrder.Unique> unique = new ArrayList<>();
    for (AnnotationValue value : annotations.array(mirror, "unique")) {
      String text = value.getValue() instanceof String s ? s.strip() : "";
      unique.add(new KeysetOrder.Unique(text, source.withAnnotation(mirror, value)));
    }
    return new KeysetOrder(List.copyOf(columns), List.copyOf(unique), source);
  }

  private static KeysetOrder.Column column(String text, JavaType.Record row, Source source) {
    String[] words = text.strip().split("\\s+");
    String name = words[0];
    boolean descending = false;
    String error = null;
    if (name.isEmpty()) {
      error = "is empty";
    } else if (words.length > 2) {
      error = "has more than a column and a direction";
    } else if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      error = "is not a column name";
    } else if (words.length == 2) {
      switch (words[1].toUpperCase(Locale.ROOT)) {
        case "ASC" -> descending = false;
        case "DESC" -> descending = true;
        default -> error = "has direction '" + words[1] + "', which is neither ASC nor DESC";
      }
    }
    JavaType.Component component = error == null ? component(row, name) : null;
    String column = component != null ? component.column() : name;
    return new KeysetOrder.Column(text, column, component, descending, error, source);
  }

  /** The component whose column or name is {@code name}; PostgreSQL folds columns to lower case. */
  private static JavaType.Component component(JavaType.Record row, String name) {
    if (row == null) {
      return null;
    }
    for (JavaType.Component c : row.components()) {
      if (c.column().equals(name.toLowerCase(Locale.ROOT)) || c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(qualifiedName);
  }
}
