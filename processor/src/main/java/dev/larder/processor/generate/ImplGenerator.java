package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.larder.processor.model.Binding;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Interface>Impl}: a final class implementing the repository interface, one
 * constant per method describing it to the runtime, one method per abstract method running its
 * SQL through JDBI, and the row mappers it needs.
 */
public final class ImplGenerator {

  public TypeSpec generate(Repository repository) {
    ClassName impl = repository.implName();
    RowMappers mappers = new RowMappers(impl);
    Map<Method, String> constants = constantNames(repository.methods());

    TypeSpec.Builder type = TypeSpec.classBuilder(impl)
        .addAnnotation(RuntimeTypes.GENERATED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(repository.interfaceName())
        .addOriginatingElement(repository.source().element())
        .addJavadoc("The implementation of {@link $T} that Larder generated from its annotations.\n",
            repository.interfaceName())
        .addJavadoc("Create it with {@code new $T(larder)}; it is thread-safe.\n", impl);

    for (Method method : repository.methods()) {
      type.addField(FieldSpec.builder(RuntimeTypes.REPOSITORY_METHOD, constants.get(method),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S, $S,\n$>$>$S,\n$S)$<$<", RuntimeTypes.REPOSITORY_METHOD,
              repository.simpleName(), method.name(), method.sql().text(), method.fingerprint())
          .build());
    }
    type.addField(RuntimeTypes.LARDER, "larder", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the repository on a Larder runtime.\n\n")
        .addJavadoc("@param larder the runtime that runs its statements\n")
        .addParameter(RuntimeTypes.LARDER, "larder")
        .addStatement("this.larder = $T.requireNonNull(larder, $S)", RuntimeTypes.OBJECTS, "larder")
        .build());

    for (Method method : repository.methods()) {
      String constant = constants.get(method);
      type.addMethod(method.kind() == MethodKind.QUERY
          ? query(method, constant, mappers)
          : update(method, constant));
    }
    mappers.methods().forEach(type::addMethod);
    return type.build();
  }

  private MethodSpec query(Method method, String constant, RowMappers mappers) {
    CodeBlock map = CodeBlock.of("\n.map($L)", mappers.mapperFor(method.result().element()));
    CodeBlock statement = switch (method.result().shape()) {
      case SINGLE, OPTIONAL -> CodeBlock.builder()
          .add("$T.$N($N,\n", RuntimeTypes.ROWS,
              method.result().shape() == ResultShape.SINGLE ? "exactlyOne" : "atMostOne", constant)
          .add("handle.createQuery($N.sql())$>$>", constant)
          .add(binds(method, constant, null))
          .add(map)
          .add(")$<$<")
          .build();
      case LIST -> CodeBlock.builder()
          .add("handle.createQuery($N.sql())", constant)
          .add(binds(method, constant, null))
          .add(map)
          .add("\n.list()")
          .build();
      default -> throw new IllegalStateException("not a query shape: " + method.result().shape());
    };
    return override(method)
        .addStatement("return larder.execute($N, handle -> $L)", constant, statement)
        .build();
  }

  private MethodSpec update(Method method, String constant) {
    ResultShape shape = method.result().shape();
    MethodSpec.Builder builder = override(method);
    Parameter batch = method.batchParameter();
    if (batch != null) {
      String element = batchElementName(method);
      String assign = shape == ResultShape.VOID ? "" : "long count = ";
      builder.addCode("$Llarder.execute($N, handle -> handle.inTransaction(transaction -> {\n$>",
              assign, constant)
          .addStatement("$T batch = transaction.prepareBatch($N.sql())",
              RuntimeTypes.PREPARED_BATCH, constant)
          .beginControlFlow("for ($T $N : $T.batch($N, $S, $N))", batch.element().typeName(),
              element, RuntimeTypes.ROWS, constant, batch.name(), batch.name())
          .addStatement("batch$L\n.add()", binds(method, constant, element))
          .endControlFlow()
          .addStatement("return batch.size() == 0 ? 0L : $T.sum(batch.execute())", RuntimeTypes.ROWS)
          .addCode("$<}));\n");
      switch (shape) {
        case VOID -> { }
        case COUNT_LONG -> builder.addStatement("return count");
        default -> builder.addStatement("return $T.toIntCount($N, count)", RuntimeTypes.ROWS, constant);
      }
      return builder.build();
    }
    CodeBlock statement = CodeBlock.builder()
        .add("handle.createUpdate($N.sql())", constant)
        .add(binds(method, constant, null))
        .add("\n.execute()")
        .build();
    switch (shape) {
      case VOID -> builder.addStatement("larder.execute($N, handle -> $L)", constant, statement);
      case COUNT_LONG -> builder.addStatement("return larder.execute($N, handle -> (long) $L)",
          constant, statement);
      default -> builder.addStatement("return larder.execute($N, handle -> $L)", constant, statement);
    }
    return builder.build();
  }

  /** One {@code .bind(..)} line per SQL name, in the order the SQL uses them. */
  private CodeBlock binds(Method method, String constant, String batchElement) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Binding b : method.bindings()) {
      Parameter p = b.parameter();
      boolean fromBatch = p.kind() == ParameterKind.BATCH;
      CodeBlock value = Expressions.value(p, b.component(), fromBatch ? batchElement : null);
      if (p.kind() == ParameterKind.ARRAY) {
        code.add("\n.bindArray($S, $T.class, $T.array($N, $S, $L))", b.sqlName(),
            p.element().typeName(), RuntimeTypes.ROWS, constant, p.name(), value);
        continue;
      }
      JavaType.Scalar scalar = (JavaType.Scalar) (b.component() != null
          ? b.component().type() : p.element());
      switch (scalar.kind()) {
        case LONG, INT, BOOLEAN, DOUBLE, BOXED_LONG, BOXED_INT, BOXED_BOOLEAN, BOXED_DOUBLE,
            STRING, BIG_DECIMAL -> code.add("\n.bind($S, $L)", b.sqlName(), value);
        default -> code.add("\n.bindByType($S, $L, $T.class)", b.sqlName(), value,
            scalar.typeName());
      }
    }
    return code.build();
  }

  private static MethodSpec.Builder override(Method method) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(method.result().typeName());
    for (Parameter p : method.parameters()) {
      builder.addParameter(ParameterSpec.builder(p.typeName(), p.name()).build());
    }
    return builder;
  }

  /** The name of the loop variable over a batch, chosen not to clash with the parameter. */
  static String batchElementName(Method method) {
    Parameter batch = method.batchParameter();
    return batch != null && batch.name().equals("row") ? "element" : "row";
  }

  private Map<Method, String> constantNames(List<Method> methods) {
    Map<Method, String> names = new IdentityHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (Method method : methods) {
      String base = constantCase(method.name());
      int n = used.merge(base, 1, Integer::sum);
      names.put(method, n == 1 ? base : base + "_" + n);
    }
    return names;
  }

  static String constantCase(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
