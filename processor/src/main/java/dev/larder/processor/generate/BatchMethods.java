package dev.larder.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.larder.processor.model.Binding;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.SqlClauses;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The body of a batch write: every chunk in one transaction (which joins the caller's), the
 * counts added up (or, with RETURNING, the returned rows joined in order), the tags bumped once
 * by {@code Larder.write}. A plain
 * {@code INSERT ... VALUES (...)} runs as multi-row inserts ({@code MultiRowInsert}), one
 * statement per chunk; any other statement as a JDBC batch per chunk.
 */
final class BatchMethods {
  private BatchMethods() {}

  /** The multi-row statement constant of a batch insert; none for other methods. */
  static List<FieldSpec> constants(Method method, String name) {
    SqlClauses.InsertValues insert = method.multiRowInsert();
    if (insert == null) {
      return List.of();
    }
    return List.of(FieldSpec.builder(RuntimeTypes.MULTI_ROW_INSERT, name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(
            "new $T(\n$>$>$L,\n$L,\n/* tail= */ $L,\n/* parametersPerRow= */ $L)$<$<",
            RuntimeTypes.MULTI_ROW_INSERT, Expressions.text(insert.head()),
            Expressions.text(insert.tuple()), Expressions.text(insert.tail()),
            insert.names().size())
        .build());
  }

  /** The statements of a batch method, after its argument check. */
  static void body(MethodSpec.Builder builder, Method method, String constant,
      String rowsConstant, CodeBlock tags, MethodScope scope, ClassFields fields,
      CodeBlock mapper) {
    Parameter batch = method.batchParameter();
    ResultShape shape = method.result().shape();
    CodeBlock target = scope.constant(constant);
    CodeBlock larder = scope.field("larder");
    // Checked first: the tags are built from the batch before the statement runs.
    builder.addStatement("$T.batch($L, $S, $N)", RuntimeTypes.ROWS, target, batch.name(),
        batch.name());
    if (method.result().element() != null) {
      returning(builder, method, target, larder, tags, scope, fields, mapper);
      return;
    }
    String count = scope.local("count");
    String handle = scope.local("handle");
    String transaction = scope.local("transaction");
    CodeBlock assign = shape == ResultShape.VOID ? CodeBlock.of("")
        : CodeBlock.of("long $N = ", count);
    SqlClauses.InsertValues insert = method.multiRowInsert();
    builder.addCode("$L$L.write($L,$W$L,\n$>$>", assign, larder, target, tags)
        .addCode("$N -> $N.inTransaction($N -> ", handle, handle, transaction);
    if (insert != null) {
      String statement = scope.local("statement");
      String at = scope.local("at");
      String element = scope.local("row");
      builder.addCode("$L.run(\n$>$>", scope.constant(rowsConstant))
          .addCode("$N, $N, $L.batchChunkSize(),\n", transaction, batch.name(), larder)
          .addCode("($N, $N, $N) -> $N$>$>$L)));\n$<$<$<$<$<$<", statement, at, element,
              statement, positionalBinds(method, insert, element, at, fields));
    } else {
      preparedChunks(builder, method, target, larder, transaction, scope, fields, "inChunks",
          prepared -> CodeBlock.of("$T.sum($L, $N.execute())", RuntimeTypes.BATCHES, target,
              prepared));
    }
    switch (shape) {
      case VOID -> { }
      case COUNT_LONG -> builder.addStatement("return $N", count);
      default -> builder.addStatement("return $T.toIntCount($L, $N)", RuntimeTypes.ROWS, target,
          count);
    }
  }

  /**
   * A batch with RETURNING: one JDBC batch per chunk whose returned rows are read in order, the
   * chunks' rows joined into one unmodifiable list.
   */
  private static void returning(MethodSpec.Builder builder, Method method, CodeBlock target,
      CodeBlock larder, CodeBlock tags, MethodScope scope, ClassFields fields, CodeBlock mapper) {
    String handle = scope.local("handle");
    String transaction = scope.local("transaction");
    builder.addCode("return $L.write($L,$W$L,\n$>$>", larder, target, tags)
        .addCode("$N -> $N.inTransaction($N -> ", handle, handle, transaction);
    preparedChunks(builder, method, target, larder, transaction, scope, fields, "returning",
        prepared -> CodeBlock.of("$N.executePreparedBatch().map($L).list()", prepared, mapper));
  }

  /**
   * {@code Batches.<runner>(rows, larder.batchChunkSize(), chunk -> {...})}: a JDBC batch of
   * each chunk, one {@code add()} per row, then {@code return <result>}; closes the write.
   */
  private static void preparedChunks(MethodSpec.Builder builder, Method method,
      CodeBlock target, CodeBlock larder, String transaction, MethodScope scope,
      ClassFields fields, String runner, Function<String, CodeBlock> result) {
    Parameter batch = method.batchParameter();
    String chunk = scope.local("chunk");
    String prepared = scope.local("batch");
    String element = scope.local("row");
    builder.addCode("$T.$N(\n$>$>", RuntimeTypes.BATCHES, runner)
        .addCode("$N, $L.batchChunkSize(), $N -> {\n$>", batch.name(), larder, chunk)
        .addStatement("$T $N = $N.prepareBatch($L.sql())", RuntimeTypes.PREPARED_BATCH,
            prepared, transaction, target)
        .beginControlFlow("for ($T $N : $N)", batch.element().typeName(), element, chunk)
        .addStatement("$N$L\n.add()", prepared, CodeShapes.binds(method, target, element, fields))
        .endControlFlow()
        .addStatement("return $L", result.apply(prepared))
        .addCode("$<})));\n$<$<$<$<");
  }

  /** {@code .bind(at, row.sku()).bind(at + 1, row.name())...}, one per {@code ?} of the tuple. */
  private static CodeBlock positionalBinds(
      Method method, SqlClauses.InsertValues insert, String element, String at,
      ClassFields fields) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<String> names = new ArrayList<>(insert.names());
    for (int i = 0; i < names.size(); i++) {
      Binding b = method.bindingOf(names.get(i));
      CodeBlock position = i == 0 ? CodeBlock.of("$N", at) : CodeBlock.of("$N + $L", at, i);
      CodeBlock value = CodeBlock.of("$N.$N()", element, b.component().name());
      JavaType.Scalar type = (JavaType.Scalar) b.component().type();
      if (type.kind() == ScalarKind.CONVERTED && type.converter().json()) {
        // JSON text untyped: PostgreSQL takes it as the json or jsonb it goes into.
        code.add("\n.bindUntyped($L,$W$L)", position, fields.toColumn(type, value));
        continue;
      }
      if (type.kind() == ScalarKind.CONVERTED) {
        value = fields.toColumn(type, value); // bound as its database form
        type = type.converter().databaseScalar();
      }
      // RowParameters has a bind for every scalar type: the overload is the component's type;
      // an enum's takes its labels, an array column's its element type.
      String arrayElement = type.kind().sqlArrayElement();
      if (ClassFields.isEnum(type)) {
        code.add("\n.bind($L,$W$L,$W$N)", position, value, fields.name(type));
      } else if (ClassFields.isEnumLike(type)) {
        code.add("\n.bindArray($L,$W$L,$W$N)", position, Expressions.asList(type, value),
            fields.name(type));
      } else if (arrayElement != null) {
        code.add("\n.bindArray($L,$W$S,$W$L)", position, arrayElement,
            Expressions.asList(type, value));
      } else {
        code.add("\n.bind($L,$W$L)", position, value);
      }
    }
    return code.build();
  }
}
