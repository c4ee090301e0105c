package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.larder.processor.model.EnumTypes;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ReadCache;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import java.time.Duration;
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
    TypeName type = ParameterizedTypeName.get(RuntimeTypes.CACHED_READ,
        method.result().typeName().box());
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T<>(\n$>$>$L,\n$L,\n$L,\n$S)$<$<", RuntimeTypes.CACHED_READ,
            repositoryMethod, policy(cache), codecs.forResult(method.result()),
            cache.keyTemplate())
        .build();
  }

  /**
   * {@code CachePolicy.near(ttl, emptyTtl)}, or {@code strict(..)} in the strict consistency, and
   * {@code .withStaleWhileRevalidate(window)} when there is one.
   */
  private static CodeBlock policy(ReadCache cache) {
    CodeBlock policy = CodeBlock.of("$T.$N($L, $L)", RuntimeTypes.CACHE_POLICY,
        cache.strict() ? "strict" : "near", Expressions.duration(cache.ttl().value()),
        Expressions.duration(cache.emptyTtl().value()));
    Duration window = cache.staleWhileRevalidate().value();
    return window.isZero() ? policy : CodeBlock.of("$L$Z.withStaleWhileRevalidate($L)", policy,
        Expressions.duration(window));
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

  private MethodSpec query(Repository repository, Method method, ConstantNames constants,
      RowMappers mappers, ClassFields fields) {
    MethodScope scope = MethodScope.of(repository.implName(), method.parameters());
    String constant = constants.of(method);
    if (method.isPaged()) {
      return PagingGenerator.query(repository, method, constant, constants.statementsOf(method),
          mappers, scope, fields);
    }
    String handle = scope.local("handle");
    CodeBlock target = CodeShapes.methodOf(method, scope.constant(constant));
    CodeBlock map = CodeBlock.of("\n.map($L)", mappers.mapperFor(method.result().element()));
    CodeBlock statement = switch (method.result().shape()) {
      case SINGLE, OPTIONAL -> CodeBlock.builder()
          .add("$T.$N($L,\n", RuntimeTypes.ROWS,
              method.result().shape() == ResultShape.SINGLE ? "exactlyOne" : "atMostOne", target)
          .add("$N.createQuery($L.sql())$>$>", handle, target)
          .add(CodeShapes.binds(method, target, null, fields))
          .add(map)
          .add(")$<$<")
          .build();
      // Unmodifiable: every cache hit hands out this one list.
      case LIST -> CodeBlock.builder()
          .add("$T.list(\n", RuntimeTypes.ROWS)
          .add("$N.createQuery($L.sql())$>$>", handle, target)
          .add(CodeShapes.binds(method, target, null, fields))
          .add(map)
          .add(")$<$<")
          .build();
      default -> throw new IllegalStateException("not a query shape: " + method.result().shape());
    };
    if (KeyRecords.applies(method)) {
      String key = scope.local("key");
      return CodeShapes.override(method)
          .addCode(KeyRecords.body(repository, method, scope, constant, key,
              CodeShapes.cachedRead(constant, scope, handle, statement, CodeBlock.of("$N", key),
                  CodeShapes.lazyTags(repository, method))))
          .build();
    }
    return CodeShapes.override(method)
        .addStatement("return $L",
            CodeShapes.read(repository, method, constant, scope, handle, statement))
        .build();
  }

  private MethodSpec update(Repository repository, Method method, ConstantNames constants,
      RowMappers mappers, ClassFields fields) {
    ResultShape shape = method.result().shape();
    String constant = constants.of(method);
    MethodScope scope = MethodScope.of(repository.implName(), method.parameters());
    CodeBlock tags = CodeShapes.tags(repository, method, method.invalidates());
    MethodSpec.Builder builder = CodeShapes.override(method);
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
        .add(CodeShapes.binds(method, target, null, fields))
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
        .add(CodeShapes.binds(method, target, null, fields))
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


}
