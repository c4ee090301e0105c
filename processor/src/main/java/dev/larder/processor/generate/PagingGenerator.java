package dev.larder.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.KeysetOrder;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The parts of {@code <Interface>Impl} for paged reads: a constant holding the derived statements
 * ({@code OffsetPaging} or {@code Keyset}), and the method, which checks its paging arguments
 * before anything else and runs through the cache like any read, the page being part of the key.
 */
final class PagingGenerator {
  private PagingGenerator() {}

  /** The statements constant of a paged method; none for other methods. */
  static List<FieldSpec> constants(
      Method method, String constant, String name, ClassFields fields) {
    if (!method.isPaged()) {
      return List.of();
    }
    if (method.result().shape() == ResultShape.PAGE) {
      return List.of(FieldSpec.builder(RuntimeTypes.OFFSET_PAGING, name,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T(\n$>$>$L,\n$L)$<$<", RuntimeTypes.OFFSET_PAGING,
              Expressions.text(PagingSql.offsetRows(method.sql())),
              Expressions.text(PagingSql.count(method.sql())))
          .build());
    }
    JavaType.Record row = (JavaType.Record) method.result().element();
    KeysetOrder order = method.order();
    List<CodeBlock> columns = new ArrayList<>();
    List<CodeBlock> values = new ArrayList<>();
    for (KeysetOrder.Column c : order.columns()) {
      JavaType.Scalar scalar = (JavaType.Scalar) c.component().type();
      columns.add(CodeBlock.of("$T.$N($S, $T.$L)", RuntimeTypes.KEYSET_COLUMN,
          c.descending() ? "descending" : "ascending", c.column(), RuntimeTypes.SORT_TYPE,
          sortType(scalar)));
      values.add(scalar.kind() == ScalarKind.ENUM
          ? CodeBlock.of("$N.label(row.$N())", fields.name(scalar), c.component().name())
          : CodeBlock.of("row.$N()", c.component().name()));
    }
    return List.of(FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.KEYSET, row.typeName()), name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T<>($Z$L,\n$>$>$L,\n$L,\n$L,\n$T.of(\n$>$>$L$<$<),\n"
                + "row -> new $T[] {$L})$<$<",
            RuntimeTypes.KEYSET, CodeShapes.methodOf(method, CodeBlock.of("$N", constant)),
            Expressions.text(PagingSql.keysetFirst(method.sql(), order)),
            Expressions.text(PagingSql.keysetAfter(method.sql(), order)),
            Expressions.text(PagingSql.keysetBefore(method.sql(), order)),
            RuntimeTypes.LIST, CodeBlock.join(columns, ",\n"), Object.class,
            CodeBlock.join(values, ", "))
        .build());
  }

  /** The implementation of a paged read. */
  static MethodSpec query(Repository repository, Method method, String constant,
      String statementsConstant, RowMappers mappers, MethodScope scope, ClassFields fields) {
    CodeBlock statements = scope.constant(statementsConstant);
    CodeBlock map = CodeBlock.of("\n.map($L)", mappers.mapperFor(method.result().element()));
    CodeBlock target = CodeShapes.methodOf(method, scope.constant(constant));
    CodeBlock binds = CodeShapes.binds(method, target, null, fields);
    MethodSpec.Builder builder = CodeShapes.override(method);
    String handle;
    CodeBlock load;
    if (method.result().shape() == ResultShape.PAGE) {
      Parameter request = method.parameterOf(ParameterKind.PAGE_REQUEST);
      builder.addStatement("$T.require($L, $S, $N)", RuntimeTypes.OFFSET_PAGING, target,
          request.name(), request.name());
      handle = scope.local("handle");
      load = CodeBlock.builder()
          .add("$L.page($N,\n", statements, request.name())
          .add("$L.bind($Z$N.createQuery($L.rowsSql()), $N)$>$>", statements, handle, statements,
              request.name())
          .add(binds)
          .add(map)
          .add("\n.list()$<$<,\n")
          .add("() -> $L.count($Z$N.createQuery($L.countSql())$>$>", statements, handle,
              statements)
          .add(binds)
          .add("))$<$<")
          .build();
    } else {
      Parameter cursor = method.parameterOf(ParameterKind.CURSOR);
      Parameter limit = method.parameterOf(ParameterKind.LIMIT);
      String position = scope.local("position");
      handle = scope.local("handle");
      // Checked first: a bad cursor is the caller's mistake, not a cache or database matter. The
      // runtime brings the key that checks it and signs the cursors of the page.
      builder.addStatement("$T $N = $L.position($L, $N, $N)", RuntimeTypes.KEYSET_POSITION,
          position, statements, scope.field("larder"), cursor.name(), limit.name());
      load = CodeBlock.builder()
          .add("$L.page($N,\n", statements, position)
          .add("$N.bind($N.createQuery($N.sql()))$>$>", position, handle, position)
          .add(binds)
          .add(map)
          .add("\n.list())$<$<")
          .build();
    }
    return builder
        .addStatement("return $L",
            CodeShapes.read(repository, method, constant, scope, handle, load))
        .build();
  }

  private static String sortType(JavaType.Scalar scalar) {
    return switch (scalar.kind()) {
      case LONG, BOXED_LONG -> "LONG";
      case INT, BOXED_INT -> "INT";
      case SHORT, BOXED_SHORT -> "SHORT";
      case FLOAT, BOXED_FLOAT -> "FLOAT";
      case BOOLEAN, BOXED_BOOLEAN -> "BOOLEAN";
      case DOUBLE, BOXED_DOUBLE -> "DOUBLE";
      case STRING -> "STRING";
      case BIG_DECIMAL -> "BIG_DECIMAL";
      case UUID -> "UUID";
      case INSTANT -> "INSTANT";
      case LOCAL_DATE -> "LOCAL_DATE";
      case LOCAL_DATE_TIME -> "LOCAL_DATE_TIME";
      case OFFSET_DATE_TIME -> "OFFSET_DATE_TIME";
      case LOCAL_TIME -> "LOCAL_TIME";
      case OFFSET_TIME -> "OFFSET_TIME";
      // Refused by validation: an array orders, but no cursor token holds one.
      case STRING_LIST, INT_LIST, LONG_LIST, UUID_LIST, SHORT_LIST, FLOAT_LIST, ENUM_LIST,
          STRING_ARRAY, INT_ARRAY, LONG_ARRAY, SHORT_ARRAY, FLOAT_ARRAY, UUID_ARRAY, ENUM_ARRAY,
          BYTES, CHAR, BOXED_CHAR, DURATION, CONVERTED ->
          throw new IllegalStateException("not a keyset sort column: " + scalar.display());
      case ENUM -> "ENUM";
    };
  }
}
