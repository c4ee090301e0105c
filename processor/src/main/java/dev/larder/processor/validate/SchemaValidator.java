package dev.larder.processor.validate;

import dev.larder.processor.model.Binding;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.KeysetOrder;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.SqlColumn;
import dev.larder.processor.model.SqlTypes;
import dev.larder.processor.model.StatementDescription;
import dev.larder.processor.model.StatementDescription.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a method against what PostgreSQL says of its statement ({@link Method#description()}):
 * the statement itself, the types its parameters bind as, its result columns against the row
 * type, and its keyset order. Runs only on a method with no other error, so each mistake is
 * reported once.
 */
final class SchemaValidator {
  private final Diagnostics diagnostics;
  private final Method method;
  private final StatementDescription description;

  SchemaValidator(Diagnostics diagnostics, Method method) {
    this.diagnostics = diagnostics;
    this.method = method;
    this.description = method.description();
  }

  void check() {
    if (description == null) {
      return;
    }
    Refusal refusal = description.refusal();
    if (refusal != null) {
      diagnostics.report(Message.SQL_REFUSED, method.sql().source(), method.uniqueName(),
          refusal.message(), where(refusal));
      return;
    }
    if (method.sql().schemaText().star() >= 0) {
      diagnostics.report(Message.SELECT_STAR, method.sql().source(), method.uniqueName(),
          method.uniqueName());
    }
    parameters();
    if (method.result().element() != null && returnsRows()) {
      columns();
    }
    if (method.order() != null) {
      order(method.order());
    }
  }

  private boolean returnsRows() {
    return switch (method.result().shape()) {
      case SINGLE, OPTIONAL, LIST, PAGE, CURSOR_PAGE -> true;
      default -> false;
    };
  }

  /** " at character 12 of the SQL, near "nmae FROM product"", or nothing without a position. */
  private String where(Refusal refusal) {
    String sql = method.sql().text();
    int at = refusal.position() - 1;
    if (at < 0 || at >= sql.length()) {
      return "";
    }
    String near = sql.substring(at, Math.min(sql.length(), at + 30)).replaceAll("\\s+", " ");
    return " (at character " + refusal.position() + " of the SQL, near \"" + near.strip() + "\")";
  }

  private void parameters() {
    Set<String> reported = new HashSet<>();
    for (StatementDescription.Parameter p : description.parameters()) {
      Binding binding = binding(p.name());
      if (p.bindRefusal() == null || binding == null || !reported.add(p.name())) {
        continue;
      }
      boolean array = binding.component() == null
          && binding.parameter().kind() == ParameterKind.ARRAY;
      JavaType type = binding.component() != null ? binding.component().type()
          : binding.parameter().element();
      if (!(type instanceof JavaType.Scalar scalar)) {
        continue;
      }
      String what = binding.component() != null
          ? "component " + binding.component().name() + " of parameter " + binding.parameter().name()
          : "parameter " + binding.parameter().name();
      String javaType = array ? binding.parameter().typeName().toString() : scalar.display();
      String bind = array ? SqlTypes.arrayBindType(scalar.kind()) : SqlTypes.bindType(scalar.kind());
      bind = bind.startsWith("_") ? bind.substring(1) + "[]" : bind;
      String suggestion = SqlTypes.javaTypesFor(p.inferred(), false);
      diagnostics.report(Message.PARAMETER_TYPE, binding.parameter().source(), what,
          method.uniqueName(), javaType, bind, p.inferredDisplay(), p.name(), bind,
          p.bindRefusal().message(), where(p.bindRefusal()),
          suggestion == null ? "a type that binds as " + p.inferredDisplay() : suggestion,
          p.name(), p.inferredDisplay());
    }
  }

  private Binding binding(String sqlName) {
    for (Binding b : method.bindings()) {
      if (b.sqlName().equals(sqlName) && b.resolved()) {
        return b;
      }
    }
    return null;
  }

  private void columns() {
    List<SqlColumn> columns = description.columns();
    String returned = columns.stream().map(SqlColumn::name).collect(Collectors.joining(", "));
    if (method.result().element() instanceof JavaType.Scalar scalar) {
      if (columns.size() != 1) {
        diagnostics.report(Message.SCALAR_COLUMN_COUNT, method.source(), method.uniqueName(),
            scalar.display(), columns.size(), returned);
        return;
      }
      column(columns.get(0), scalar, "the result", method.nonNullColumn(), "the method");
      return;
    }
    if (!(method.result().element() instanceof JavaType.Record record)) {
      return;
    }
    List<String> componentColumns =
        record.components().stream().map(JavaType.Component::column).toList();
    for (SqlColumn c : columns) {
      if (component(record, c.name()) == null) {
        diagnostics.report(Message.COLUMN_WITHOUT_COMPONENT, method.source(), method.uniqueName(),
            c.name(), c.display(), record.display(),
            Suggestions.didYouMean(c.name(), componentColumns));
      }
    }
    List<String> names = columns.stream().map(SqlColumn::name).toList();
    for (JavaType.Component component : record.components()) {
      SqlColumn c = column(component.column());
      if (c == null) {
        diagnostics.report(Message.COMPONENT_WITHOUT_COLUMN, method.source(), component.name(),
            record.display(), component.column(), method.uniqueName(), returned,
            Suggestions.didYouMean(component.column(), names), component.column());
      } else if (component.type() instanceof JavaType.Scalar scalar) {
        column(c, scalar, "component " + component.name() + " of " + record.display(),
            component.nonNullColumn(), "the component");
      }
    }
  }

  private static JavaType.Component component(JavaType.Record record, String column) {
    for (JavaType.Component c : record.components()) {
      if (c.column().equalsIgnoreCase(column)) {
        return c;
      }
    }
    return null;
  }

  private SqlColumn column(String name) {
    for (SqlColumn c : description.columns()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /** The type and nullability of one column read into {@code scalar}. */
  private void column(SqlColumn c, JavaType.Scalar scalar, String reader, boolean declaredNonNull,
      String annotated) {
    Boolean reads = SqlTypes.reads(scalar.kind(), c.type(), c.enumType());
    if (Boolean.FALSE.equals(reads)) {
      String fits = SqlTypes.javaTypesFor(c.type(), c.enumType());
      diagnostics.report(Message.COLUMN_TYPE, method.source(), c.name(), method.uniqueName(),
          c.display(), reader + " (" + scalar.display() + ")", reader,
          fits == null ? "a type that holds " + c.display() : fits, reader);
      return;
    }
    if (scalar.kind().isPrimitive() && c.nullable() && !declaredNonNull) {
      String box = box(scalar.display());
      String declare = reader.equals("the result") ? box + " or Optional<" + box + ">" : box;
      diagnostics.report(Message.NULLABLE_INTO_PRIMITIVE, method.source(), c.name(),
          method.uniqueName(), c.whyNullable(), reader, scalar.display(), declare, annotated);
    }
  }

  private static String box(String primitive) {
    return switch (primitive) {
      case "int" -> "Integer";
      case "char" -> "Character";
      default -> Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
    };
  }

  private void order(KeysetOrder order) {
    String returned = description.columns().stream().map(SqlColumn::name)
        .collect(Collectors.joining(", "));
    boolean allPresent = true;
    for (KeysetOrder.Column c : order.columns()) {
      if (column(c.column()) == null) {
        diagnostics.report(Message.ORDER_COLUMN_NOT_IN_RESULT, c.source(), c.column(),
            method.uniqueName(), returned);
        allPresent = false;
      }
    }
    if (!allPresent || order.unique().isEmpty()) {
      return;
    }
    int k = order.unique().size();
    List<KeysetOrder.Column> unique =
        order.columns().subList(order.columns().size() - k, order.columns().size());
    Map<String, Set<String>> byTable = new LinkedHashMap<>();
    List<String> expressions = new ArrayList<>();
    for (KeysetOrder.Column c : unique) {
      SqlColumn sql = column(c.column());
      if (sql.table().isEmpty()) {
        expressions.add(c.column());
      } else {
        byTable.computeIfAbsent(sql.table(), t -> new LinkedHashSet<>())
            .add(sql.tableColumn().toLowerCase(Locale.ROOT));
      }
    }
    String declared = unique.stream().map(KeysetOrder.Column::column)
        .collect(Collectors.joining(", "));
    String problem = null;
    String table = byTable.isEmpty() ? "the_table" : byTable.keySet().iterator().next();
    if (!expressions.isEmpty()) {
      problem = String.join(", ", expressions) + (expressions.size() == 1 ? " is" : " are")
          + " an expression, not a table column that an index covers";
    } else if (byTable.entrySet().stream().noneMatch(e -> covered(e.getKey(), e.getValue()))) {
      problem = "no primary key or unique index of " + String.join(" or ", byTable.keySet())
          + " has only columns among " + byTable.values().stream()
          .flatMap(Set::stream).collect(Collectors.joining(", "));
    }
    if (problem != null) {
      diagnostics.report(Message.UNIQUE_NOT_COVERED, order.unique().get(0).source(),
          order.unique().stream().map(u -> "\"" + u.written() + "\"")
              .collect(Collectors.joining(", ")),
          method.uniqueName(), problem, table, declared);
    }
  }

  private boolean covered(String table, Set<String> columns) {
    for (List<String> key : description.uniqueKeys().getOrDefault(table, List.of())) {
      if (!key.isEmpty() && key.stream().allMatch(k -> columns.contains(k.toLowerCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }
}
