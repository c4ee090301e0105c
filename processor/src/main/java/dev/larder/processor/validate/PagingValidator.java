package dev.larder.processor.validate;

import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.KeysetOrder;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.ResultShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a method's paging parameters and result agree ({@code PageRequest} with
 * {@code Page}; {@code Cursor} and {@code int limit} with {@code CursorPage}), and that a keyset
 * order can be sought in: every column a column of the row, the last ones declared unique.
 */
final class PagingValidator {
  private final Diagnostics diagnostics;
  private final Method method;

  PagingValidator(Diagnostics diagnostics, Method method) {
    this.diagnostics = diagnostics;
    this.method = method;
  }

  void check() {
    ResultShape shape = method.result().shape();
    parameters(shape);
    if (shape == ResultShape.PAGE) {
      require(ParameterKind.PAGE_REQUEST, Message.PAGE_WITHOUT_REQUEST);
      sqlClauses();
      if (!method.sql().clauses().hasOrderBy()) {
        diagnostics.report(Message.PAGE_WITHOUT_ORDER, method.sql().source(), method.uniqueName());
      }
    } else if (shape == ResultShape.CURSOR_PAGE) {
      require(ParameterKind.CURSOR, Message.CURSOR_PAGE_WITHOUT_CURSOR);
      require(ParameterKind.LIMIT, Message.CURSOR_PAGE_WITHOUT_LIMIT);
      sqlClauses();
      keyset();
    }
    if (method.order() != null && shape != ResultShape.CURSOR_PAGE) {
      diagnostics.report(Message.ORDER_BY_NOT_KEYSET, method.order().source(), method.uniqueName());
    }
  }

  /** Paging parameters only where the result is paged, each kind once. */
  private void parameters(ResultShape shape) {
    List<Parameter> seen = new ArrayList<>();
    for (Parameter p : method.parameters()) {
      if (!p.kind().paging()) {
        continue;
      }
      Parameter twin = seen.stream().filter(q -> q.kind() == p.kind()).findFirst().orElse(null);
      seen.add(p);
      if (method.kind() == MethodKind.UPDATE) {
        diagnostics.report(Message.PAGING_ON_UPDATE, p.source(), p.name(), method.uniqueName(),
            typeOf(p));
      } else if (twin != null) {
        diagnostics.report(Message.DUPLICATE_PAGING_PARAMETER, p.source(), method.uniqueName(),
            typeOf(p), twin.name(), p.name());
      } else if (p.kind() == ParameterKind.PAGE_REQUEST && shape != ResultShape.PAGE) {
        diagnostics.report(Message.PAGE_REQUEST_WITHOUT_PAGE, p.source(), p.name(),
            method.uniqueName());
      } else if (p.kind() == ParameterKind.CURSOR && shape != ResultShape.CURSOR_PAGE) {
        diagnostics.report(Message.CURSOR_WITHOUT_CURSOR_PAGE, p.source(), p.name(),
            method.uniqueName());
      }
    }
  }

  private void require(ParameterKind kind, Message missing) {
    if (method.parameterOf(kind) == null) {
      diagnostics.report(missing, method.source(), method.uniqueName(), method.result().typeName());
    }
  }

  private void sqlClauses() {
    if (method.sql().clauses().hasLimit()) {
      diagnostics.report(Message.PAGED_SQL_HAS_LIMIT, method.sql().source(), method.uniqueName());
    }
  }

  private void keyset() {
    if (!(method.result().element() instanceof JavaType.Record row)) {
      diagnostics.report(Message.KEYSET_ROW_NOT_RECORD, method.source(), method.uniqueName(),
          method.result().element().display());
      return;
    }
    KeysetOrder order = method.order();
    if (order == null) {
      String example = row.component("id") != null ? "id"
          : row.components().isEmpty() ? "id" : row.components().get(0).column();
      diagnostics.report(Message.KEYSET_WITHOUT_ORDER, method.source(), method.uniqueName(), example,
          example);
      return;
    }
    if (method.sql().clauses().hasOrderBy()) {
      diagnostics.report(Message.KEYSET_SQL_ORDER_BY, method.sql().source(), method.uniqueName(),
          order.describe());
    }
    boolean columnsOk = !order.columns().isEmpty();
    Set<String> names = new HashSet<>();
    for (KeysetOrder.Column c : order.columns()) {
      if (c.syntaxError() != null) {
        diagnostics.report(Message.BAD_ORDER_COLUMN, c.source(), c.written(), method.uniqueName(),
            c.syntaxError());
        columnsOk = false;
      } else if (c.component() == null) {
        List<String> columns = row.components().stream().map(JavaType.Component::column).toList();
        diagnostics.report(Message.ORDER_COLUMN_NOT_IN_ROW, c.source(), c.column(),
            method.uniqueName(), row.display(), String.join(", ", columns),
            Suggestions.didYouMean(c.column(), columns));
        columnsOk = false;
      } else if (c.component().type() instanceof JavaType.Scalar s && s.kind().isArray()) {
        diagnostics.report(Message.ARRAY_ORDER_COLUMN, c.source(), c.column(), method.uniqueName(),
            s.display());
        columnsOk = false;
      } else if (c.component().type() instanceof JavaType.Scalar s && !s.kind().sortable()) {
        diagnostics.report(Message.UNSORTABLE_ORDER_COLUMN, c.source(), c.column(),
            method.uniqueName(), s.display(), c.column(), c.column());
        columnsOk = false;
      } else if (!names.add(c.column())) {
        diagnostics.report(Message.DUPLICATE_ORDER_COLUMN, c.source(), method.uniqueName(), c.column());
        columnsOk = false;
      }
    }
    if (columnsOk) {
      unique(order);
    }
  }

  /** The unique columns are exactly the last ones of the order. */
  private void unique(KeysetOrder order) {
    List<KeysetOrder.Column> columns = order.columns();
    String last = columns.get(columns.size() - 1).column();
    if (order.unique().isEmpty()) {
      diagnostics.report(Message.ORDER_NOT_UNIQUE, order.source(), method.uniqueName(),
          order.describe(), last, last);
      return;
    }
    int k = order.unique().size();
    List<String> trailing = columns.subList(Math.max(0, columns.size() - k), columns.size())
        .stream().map(KeysetOrder.Column::column).toList();
    Set<String> declared = new HashSet<>();
    for (KeysetOrder.Unique u : order.unique()) {
      KeysetOrder.Column column = columns.stream()
          .filter(c -> c.column().equals(resolve(u.written())) || c.written().strip()
              .split("\\s+")[0].equals(u.written()))
          .findFirst().orElse(null);
      String problem = null;
      if (column == null) {
        problem = "is not a column of the order";
      } else if (!declared.add(column.column())) {
        problem = "is declared twice";
      } else if (!trailing.contains(column.column())) {
        problem = k == 1 ? "is not the last column of the order"
            : "is not among the last " + k + " columns of the order";
      }
      if (problem != null) {
        diagnostics.report(Message.UNIQUE_NOT_LAST, u.source(), u.written(), method.uniqueName(),
            problem, order.describe());
      }
    }
  }

  /** The column a unique entry names: a component's column when it names a component. */
  private String resolve(String written) {
    if (method.result().element() instanceof JavaType.Record row) {
      for (JavaType.Component c : row.components()) {
        if (c.name().equals(written) || c.column().equalsIgnoreCase(written)) {
          return c.column();
        }
      }
    }
    return written;
  }

  private static String typeOf(Parameter p) {
    return switch (p.kind()) {
      case PAGE_REQUEST -> "PageRequest";
      case CURSOR -> "Cursor";
      default -> "int limit";
    };
  }
}
