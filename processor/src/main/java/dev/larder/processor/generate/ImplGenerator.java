package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.larder.processor.model.Binding;
import dev.larder.processor.model.EnumTypes;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.ReadCache;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.ScalarKind;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Interface>Impl}: a final class implementing the repository interface, one
 * constant per method describing it to the runtime, one method per abstract method running its
 * SQL through JDBI, and the row mappers it needs.
 */
public final class ImplGenerator {

  public TypeSpec generate(Repository repository) {
    ClassName impl = repository.implName();
    ClassFields fields = new ClassFields(
        EnumTypes.used(repository.methods()), EnumTypes.converted(repository.methods()));
    RowMappers mappers = new RowMappers(impl, fields);
    ConstantNames constants = new ConstantNames(repository, fields);

    TypeSpec.Builder type = TypeSpec.classBuilder(impl)
        .addAnnotation(RuntimeTypes.GENERATED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(repository.interfaceName())
        .addOriginatingElement(repository.source().element())
        .addJavadoc("The implementation of {@link $T} that Larder generated from its annotations.\n",
            repository.interfaceName())
        .addJavadoc("Create it with {@code new $T(larder)}; it is thread-safe.\n", impl);

    CodecMethods codecs = new CodecMethods(impl, fields, constants);
    // First: the constants below use them while they are initialised.
    type.addFields(fields.converterFields(EnumTypes.converted(repository.methods())));
    type.addFields(fields.fields(EnumTypes.used(repository.methods())));
    type.addFields(codecs.codecFields(repository));
    for (Method method : repository.methods()) {
      String constant = constants.of(method);
      type.addField(constant(repository, method, constant, codecs));
      type.addFields(
          PagingGenerator.constants(method, constant, constants.statementsOf(method), fields));
      type.addFields(BatchMethods.constants(method, constants.statementsOf(method)));
    }
    repository.transactional().forEach(
        m -> type.addField(TransactionalMethods.constant(m, constants.of(m))));
    type.addField(RuntimeTypes.LARDER, "larder", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the repository on a Larder runtime.\n\n")
        .addJavadoc("@param larder the runtime that runs its statements\n")
        .addParameter(RuntimeTypes.LARDER, "larder")
        .addStatement("this.larder = $T.requireNonNull(larder, $S)", RuntimeTypes.OBJECTS, "larder")
        .addCode(registerReads(repository, constants))
        .build());

    for (Method method : repository.methods()) {
      type.addMethod(method.kind() == MethodKind.QUERY
          ? query(repository, method, constants, mappers, fields)
          : update(repository, method, constants, mappers, fields));
      if (method.kind() == MethodKind.QUERY && KeyRecords.applies(method)) {
        type.addType(KeyRecords.record(repository, method, constants.of(method)));
      }
    }
    repository.transactional().forEach(
        m -> type.addMethod(TransactionalMethods.override(repository, m, constants.of(m))));
    mappers.methods().forEach(type::addMethod);
    codecs.methods().forEach(type::addMethod);
    return type.build();
  }

  /**
   * The constant describing a method to the runtime: a {@code RepositoryMethod} for a write or an
   * uncached read; for a cached read a {@code CachedRead} that adds its cache policy and the
   * codec of its result.
   */
  private FieldSpec constant(
      Repository repository, Method method, String name, CodecMethods codecs) {
    // The SQL as written too when JDBI gets it escaped: messages show what the user wrote.
    String statement = method.sql().statement();
    CodeBlock repositoryMethod = statement.equals(method.sql().text())
        ? CodeBlock.of("new $T($S, $S,\n$>$S,\n$S$<)", RuntimeTypes.REPOSITORY_METHOD,
            repository.simpleName(), method.uniqueName(), statement, method.fingerprint())
        : CodeBlock.of("new $T($S, $S,\n$>$S,\n$S,\n$S$<)", RuntimeTypes.REPOSITORY_METHOD,
            repository.simpleName(), method.uniqueName(), statement, method.sql().text(),
            method.fingerprint());
    if (!method.isCachedRead()) {
      return FieldSpec.builder(RuntimeTypes.REPOSITORY_METHOD, name,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$>$>$L$<$<", repositoryMethod)
          .build();
    }
    ReadCache cache = repository.cacheOf(method);
    CodeBlock policy = CodeBlock.of("new $T($L, $L, $L, $L)", RuntimeTypes.CACHE_POLICY,
        Expressions.duration(cache.ttl().value()), Expressions.duration(cache.emptyTtl().value()),
        Expressions.duration(cache.staleWhileRevalidate().value()), cache.strict());
    TypeName type = ParameterizedTypeName.get(RuntimeTypes.CACHED_READ,
        method.result().typeName().box());
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T<>(\n$>$>$L,\n$L,\n$L,\n$S)$<$<", RuntimeTypes.CACHED_READ,
            repositoryMethod, policy, codecs.forResult(method.result()),
            cache.keyTemplate())
        .build();
  }


  /** {@code larder.register(FIND_BY_ID, ...)}: the runtime learns the reads' key templates. */
  private static CodeBlock registerReads(Repository repository, ConstantNames constants) {
    List<CodeBlock> reads = new ArrayList<>();
    for (Method method : repository.methods()) {
      if (method.isCachedRead()) {
        reads.add(CodeBlock.of("$N", constants.of(method)));
      }
    }
    if (reads.isEmpty()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .addStatement("larder.register($L)", CodeBlock.join(reads, ", "))
        .build();
  }

  /** {@code ProductRepositoryKeys.findByIdTags(id)}, or {@code List.of()} without tags. */
  private static CodeBlock tags(Repository repository, Method method, List<Template> templates) {
    if (templates.isEmpty()) {
      return CodeBlock.of("$T.of()", RuntimeTypes.LIST);
    }
    return CodeBlock.of("$T.$N($L)", repository.keysName(), method.tagsBuilderName(),
        arguments(method));
  }

  /** The read's tags as a supplier, so that an in-process hit does not build them. */
  static CodeBlock lazyTags(Repository repository, Method method) {
    if (method.tags().isEmpty()) {
      return CodeBlock.of("$T::of", RuntimeTypes.LIST);
    }
    return CodeBlock.of("() -> $L", tags(repository, method, method.tags()));
  }

  static CodeBlock arguments(Method method) {
    List<CodeBlock> names = new ArrayList<>();
    for (Parameter p : method.parameters()) {
      names.add(CodeBlock.of("$N", p.name()));
    }
    return CodeBlock.join(names, ", ");
  }

  private MethodSpec query(Repository repository, Method method, ConstantNames constants,
      RowMappers mappers, ClassFields fields) {
    MethodScope scope = MethodScope.of(repository.implName(), method.parameters());
    String constant = constants.of(method);
    if (method.isPaged()) {
      return PagingGenerator.query(repository, method, constant, constants.statementsOf(method),
          mappers, scope, fields);
    }
    String handle = scope.local("handle");
    CodeBlock target = methodOf(method, scope.constant(constant));
    CodeBlock map = CodeBlock.of("\n.map($L)", mappers.mapperFor(method.result().element()));
    CodeBlock statement = switch (method.result().shape()) {
      case SINGLE, OPTIONAL -> CodeBlock.builder()
          .add("$T.$N($L,\n", RuntimeTypes.ROWS,
              method.result().shape() == ResultShape.SINGLE ? "exactlyOne" : "atMostOne", target)
          .add("$N.createQuery($L.sql())$>$>", handle, target)
          .add(binds(method, target, null, fields))
          .add(map)
          .add(")$<$<")
          .build();
      // Unmodifiable: every cache hit hands out this one list.
      case LIST -> CodeBlock.builder()
          .add("$T.list(\n", RuntimeTypes.ROWS)
          .add("$N.createQuery($L.sql())$>$>", handle, target)
          .add(binds(method, target, null, fields))
          .add(map)
          .add(")$<$<")
          .build();
      default -> throw new IllegalStateException("not a query shape: " + method.result().shape());
    };
    if (KeyRecords.applies(method)) {
      String key = scope.local("key");
      return override(method)
          .addCode(KeyRecords.body(repository, method, scope, constant, key,
              read(constant, scope, handle, statement, CodeBlock.of("$N", key),
                  lazyTags(repository, method))))
          .build();
    }
    return override(method)
        .addStatement("return $L", read(repository, method, constant, scope, handle, statement))
        .build();
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
      return CodeBlock.of("$L.execute($L,\n$N -> $>$L$<)", scope.field("larder"),
          scope.constant(constant), handle, load);
    }
    return read(constant, scope, handle, load,
        CodeBlock.of("$T.$N($L)", repository.keysName(), method.name(), arguments(method)),
        lazyTags(repository, method));
  }

  /** {@code larder.read(CONSTANT, key, tags, handle -> load)} of a cached read. */
  private static CodeBlock read(String constant, MethodScope scope, String handle,
      CodeBlock load, CodeBlock key, CodeBlock tags) {
    return CodeBlock.of("$L.read($L,\n$L,\n$L,\n$N -> $>$L$<)", scope.field("larder"),
        scope.constant(constant), key, tags, handle, load);
  }

  private MethodSpec update(Repository repository, Method method, ConstantNames constants,
      RowMappers mappers, ClassFields fields) {
    ResultShape shape = method.result().shape();
    String constant = constants.of(method);
    MethodScope scope = MethodScope.of(repository.implName(), method.parameters());
    CodeBlock tags = tags(repository, method, method.invalidates());
    MethodSpec.Builder builder = override(method);
    Parameter batch = method.batchParameter();
    if (batch != null) {
      BatchMethods.body(builder, method, constant, constants.statementsOf(method), tags, scope,
          fields, method.result().element() == null ? null
              : mappers.mapperFor(method.result().element()));
      return builder.build();
    }
    String handle = scope.local("handle");
    CodeBlock target = scope.constant(constant);
    if (method.result().element() != null) {
      return builder.addStatement("return $L", returning(method, scope, target, tags, handle,
          mappers.mapperFor(method.result().element()), fields)).build();
    }
    CodeBlock statement = CodeBlock.builder()
        .add("$N.createUpdate($L.sql())", handle, target)
        .add(binds(method, target, null, fields))
        .add("\n.execute()")
        .build();
    CodeBlock write = CodeBlock.of("$L.write($L, $L,\n$N -> $L$>$L$<)", scope.field("larder"),
        target, tags, handle, shape == ResultShape.COUNT_LONG ? "(long) " : "", statement);
    if (shape == ResultShape.VOID) {
      builder.addStatement("$L", write);
    } else {
      builder.addStatement("return $L", write);
    }
    return builder.build();
  }

  /**
   * The write of an update with RETURNING: its rows are read as a query's. A method that returns
   * one row runs in a transaction (which joins the caller's), so that when the statement gives
   * none or several the exception undoes the write rather than leave it done and unreported.
   */
  private static CodeBlock returning(Method method, MethodScope scope, CodeBlock target,
      CodeBlock tags, String handle, CodeBlock mapper, ClassFields fields) {
    ResultShape shape = method.result().shape();
    String transaction = shape == ResultShape.LIST ? handle : scope.local("transaction");
    CodeBlock rows = CodeBlock.builder()
        .add("$N.createQuery($L.sql())$>$>", transaction, target)
        .add(binds(method, target, null, fields))
        .add("\n.map($L)$<$<", mapper)
        .build();
    CodeBlock work = switch (shape) {
      case SINGLE, OPTIONAL -> CodeBlock.of("$N.inTransaction($N -> $T.$N($L,\n$L))", handle,
          transaction, RuntimeTypes.ROWS,
          shape == ResultShape.SINGLE ? "exactlyOne" : "atMostOne", target, rows);
      case LIST -> CodeBlock.of("$T.list(\n$L)", RuntimeTypes.ROWS, rows);
      default -> throw new IllegalStateException("not a RETURNING shape: " + shape);
    };
    return CodeBlock.of("$L.write($L, $L,\n$N -> $>$L$<)", scope.field("larder"), target, tags,
        handle, work);
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
            CodeBlock.of("$T.array($L, $S, $L)", RuntimeTypes.ROWS, target, p.name(), value)));
        continue;
      }
      if (p.kind() == ParameterKind.ARRAY) {
        code.add("\n.bindArray($S, $T.class, $T.array($L, $S, $L))", b.sqlName(),
            p.element().typeName().box(), RuntimeTypes.ROWS, target, p.name(), value);
        continue;
      }
      JavaType.Scalar scalar = (JavaType.Scalar) (b.component() != null
          ? b.component().type() : p.element());
      if (scalar.kind() == ScalarKind.CONVERTED && scalar.converter().json()) {
        // JSON text untyped: PostgreSQL takes it as the json or jsonb it goes into.
        code.add("\n.bindBySqlType($S, $L, $T.OTHER)", b.sqlName(),
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
            code.add("\n.bind($S, $L)", b.sqlName(), value);
        // A component's array column binds as an array of its element type (an int[] as the
        // List<Integer> it holds); null binds a NULL array.
        case STRING_LIST, INT_LIST, LONG_LIST, UUID_LIST, SHORT_LIST, FLOAT_LIST, STRING_ARRAY,
            INT_ARRAY, LONG_ARRAY, SHORT_ARRAY, FLOAT_ARRAY, UUID_ARRAY ->
            code.add("\n.bindArray($S, $T.class, $L)", b.sqlName(),
                scalar.element().typeName().box(), Expressions.asList(scalar, value));
        case ENUM_LIST, ENUM_ARRAY -> code.add(
            fields.bindArray(b.sqlName(), scalar, Expressions.asList(scalar, value)));
        case ENUM -> code.add(fields.bind(b.sqlName(), scalar, value));
        default -> code.add("\n.bindByType($S, $L, $T.class)", b.sqlName(), value,
            scalar.typeName());
      }
    }
    return code.build();
  }

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
}
