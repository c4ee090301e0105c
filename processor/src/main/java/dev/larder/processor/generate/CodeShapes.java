package dev.larder.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.larder.processor.model.Binding;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The shapes of code that every generator of a repository method's body is made of: the override
 * and its arguments, the read through the cache or straight to the database, the tags, the
 * {@code .bind(..)} calls of a statement. The generators of {@code <Interface>Impl} use them; they
 * use none of the generators, so that calls within this package go one way: from
 * {@link ImplGenerator} to the generators of one kind of method to these shapes.
 */
final class CodeShapes {
  private CodeShapes() {}

  /** The override of a repository method: its signature, ready for its body. */
  static MethodSpec.Builder override(Method method) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(method.result().typeName());
    for (Parameter p : method.parameters()) {
      builder.addParameter(ParameterSpec.builder(p.typeName(), p.name()).build());
    }
    return builder;
  }

  /** {@code id, name}: the method's parameters as the arguments of a call. */
  static CodeBlock arguments(Method method) {
    List<CodeBlock> names = new ArrayList<>();
    for (Parameter p : method.parameters()) {
      names.add(CodeBlock.of("$N", p.name()));
    }
    return CodeBlock.join(names, ",$W");
  }

  /**
   * The {@code RepositoryMethod} of a read's constant: {@code FIND_BY_ID.method()} of a cached
   * read's {@code CachedRead}, the constant itself for an uncached read.
   */
  static CodeBlock methodOf(Method method, CodeBlock constant) {
    return method.isCachedRead() ? CodeBlock.of("$L.method()", constant) : constant;
  }

  /**
   * {@code larder.read(CONSTANT, key, tags, handle -> load)} of a cached read, through its key
   * and tags; {@code larder.execute(CONSTANT, handle -> load)} of an uncached one, straight to
   * the database.
   */
  static CodeBlock read(Repository repository, Method method, String constant, MethodScope scope,
      String handle, CodeBlock load) {
    if (!method.isCachedRead()) {
      return CodeBlock.of("$L.execute($L,\n$N -> $>$>$L$<$<)", scope.field("larder"),
          scope.constant(constant), handle, load);
    }
    return cachedRead(constant, scope, handle, load,
        CodeBlock.of("$T.$N($L)", repository.keysName(), method.name(), arguments(method)),
        lazyTags(repository, method));
  }

  /** {@code larder.read(CONSTANT, key, tags, handle -> load)} of a cached read. */
  static CodeBlock cachedRead(String constant, MethodScope scope, String handle,
      CodeBlock load, CodeBlock key, CodeBlock tags) {
    return CodeBlock.of("$L.read($L,\n$L,\n$L,\n$N -> $>$>$L$<$<)", scope.field("larder"),
        scope.constant(constant), key, tags, handle, load);
  }

  /** The read's tags as a supplier, so that an in-process hit does not build them. */
  static CodeBlock lazyTags(Repository repository, Method method) {
    if (method.tags().isEmpty()) {
      return CodeBlock.of("$T::of", RuntimeTypes.LIST);
    }
    return CodeBlock.of("() -> $L", tags(repository, method, method.tags()));
  }

  /** {@code ProductRepositoryKeys.findByIdTags(id)}, or {@code List.of()} without tags. */
  static CodeBlock tags(Repository repository, Method method, List<Template> templates) {
    if (templates.isEmpty()) {
      return CodeBlock.of("$T.of()", RuntimeTypes.LIST);
    }
    return CodeBlock.of("$T.$N($L)", repository.keysName(), method.tagsBuilderName(),
        arguments(method));
  }

  /** One {@code .bind(..)} line per SQL name, in the order the SQL uses them. */
  static CodeBlock binds(
      Method method, CodeBlock target, String batchElement, ClassFields fields) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Binding b : method.bindings()) {
      Parameter p = b.parameter();
      boolean fromBatch = p.kind() == ParameterKind.BATCH;
      CodeBlock value = Expressions.value(p, b.component(), fromBatch ? batchElement : null);
      if (p.kind() == ParameterKind.ARRAY && ClassFields.isEnum(p.element())) {
        code.add(fields.bindArray(b.sqlName(), (JavaType.Scalar) p.element(),
            CodeBlock.of("$T.array($L,$W$S,$W$L)", RuntimeTypes.ROWS, target, p.name(), value)));
        continue;
      }
      if (p.kind() == ParameterKind.ARRAY) {
        code.add("\n.bindArray($S,$W$T.class,$W$T.array($L,$W$S,$W$L))", b.sqlName(),
            p.element().typeName().box(), RuntimeTypes.ROWS, target, p.name(), value);
        continue;
      }
      JavaType.Scalar scalar = (JavaType.Scalar) (b.component() != null
          ? b.component().type() : p.element());
      if (scalar.kind() == ScalarKind.CONVERTED && scalar.converter().json()) {
        // JSON text untyped: PostgreSQL takes it as the json or jsonb it goes into.
        code.add("\n.bindBySqlType($S,$W$L,$W$T.OTHER)", b.sqlName(),
            fields.toColumn(scalar, value), ClassFields.TYPES);
        continue;
      }
      if (scalar.kind() == ScalarKind.CONVERTED) {
        value = fields.toColumn(scalar, value); // bound as its database form
        scalar = scalar.converter().databaseScalar();
      }
      switch (scalar.kind()) {
        case LONG, INT, SHORT, BOOLEAN, DOUBLE, FLOAT, BOXED_LONG, BOXED_INT, BOXED_SHORT,
            BOXED_BOOLEAN, BOXED_DOUBLE, BOXED_FLOAT, STRING, BIG_DECIMAL, BYTES, CHAR, BOXED_CHAR ->
            code.add("\n.bind($S,$W$L)", b.sqlName(), value);
        // A component's array column binds as an array of its element type (an int[] as the
        // List<Integer> it holds); null binds a NULL array.
        case STRING_LIST, INT_LIST, LONG_LIST, UUID_LIST, SHORT_LIST, FLOAT_LIST, STRING_ARRAY,
            INT_ARRAY, LONG_ARRAY, SHORT_ARRAY, FLOAT_ARRAY, UUID_ARRAY ->
            code.add("\n.bindArray($S,$W$T.class,$W$L)", b.sqlName(),
                scalar.element().typeName().box(), Expressions.asList(scalar, value));
        case ENUM_LIST, ENUM_ARRAY -> code.add(
            fields.bindArray(b.sqlName(), scalar, Expressions.asList(scalar, value)));
        case ENUM -> code.add(fields.bind(b.sqlName(), scalar, value));
        default -> code.add("\n.bindByType($S,$W$L,$W$T.class)", b.sqlName(), value,
            scalar.typeName());
      }
    }
    return code.build();
  }
}
