package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ScalarKind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The in-process key of a cached read whose arguments all compare by value: a private record of
 * the Impl class, {@code FindByIdKey(long id)}, whose Redis key comes from the {@code Keys}
 * class. A hit then builds only this small object: no key string, no tag list, no lambda. Reads
 * with an argument that is mutable or compared by identity (a list, an array, {@code byte[]}, a
 * record parameter, a type with a converter) keep the key string as their in-process key.
 */
final class KeyRecords {
  /** Immutable, compared by value, and with equality no coarser than their key encoding. */
  private static final Set<ScalarKind> VALUE_KINDS = EnumSet.of(
      ScalarKind.LONG, ScalarKind.INT, ScalarKind.BOOLEAN, ScalarKind.DOUBLE,
      ScalarKind.BOXED_LONG, ScalarKind.BOXED_INT, ScalarKind.BOXED_BOOLEAN,
      ScalarKind.BOXED_DOUBLE, ScalarKind.STRING, ScalarKind.BIG_DECIMAL, ScalarKind.UUID,
      ScalarKind.INSTANT, ScalarKind.LOCAL_DATE, ScalarKind.LOCAL_DATE_TIME,
      ScalarKind.OFFSET_DATE_TIME, ScalarKind.SHORT, ScalarKind.BOXED_SHORT, ScalarKind.FLOAT,
      ScalarKind.BOXED_FLOAT, ScalarKind.LOCAL_TIME, ScalarKind.OFFSET_TIME, ScalarKind.CHAR,
      ScalarKind.BOXED_CHAR, ScalarKind.DURATION, ScalarKind.ENUM);

  /** Names a record component cannot have, or that would hide {@code redisKey()}. */
  private static final Set<String> RESERVED = Set.of("clone", "finalize", "getClass", "hashCode",
      "notify", "notifyAll", "toString", "wait", "redisKey");

  private KeyRecords() {}

  /** Whether {@code method} gets a key record: a cached, unpaged read of value arguments. */
  static boolean applies(Method method) {
    if (!method.isCachedRead() || method.isPaged()) {
      return false;
    }
    for (Parameter p : method.parameters()) {
      if (p.kind() != ParameterKind.SCALAR || RESERVED.contains(p.name())
          || !(p.element() instanceof JavaType.Scalar scalar)
          || !VALUE_KINDS.contains(scalar.kind())) {
        return false;
      }
    }
    return true;
  }

  /** The record's name: {@code FindByIdKey} for the constant {@code FIND_BY_ID}. */
  static ClassName name(Repository repository, String constant) {
    StringBuilder name = new StringBuilder();
    for (String word : constant.split("_")) {
      if (!word.isEmpty()) {
        name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return repository.implName().nestedClass(name.append("Key").toString());
  }

  /** The record: the method's parameters as components, its Redis key from the Keys class. */
  static TypeSpec record(Repository repository, Method method, String constant) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (Parameter p : method.parameters()) {
      components.addParameter(ParameterSpec.builder(p.typeName(), p.name()).build());
    }
    return TypeSpec.recordBuilder(name(repository, constant))
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("The in-process cache key of {@link #$N}.\n", method.name())
        .addSuperinterface(RuntimeTypes.CACHE_KEY)
        .recordConstructor(components.build())
        .addMethod(MethodSpec.methodBuilder("redisKey")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $T.$N($L)", repository.keysName(), method.name(),
                CodeShapes.arguments(method))
            .build())
        .build();
  }

  /**
   * The statements of a cached read with a key record: the fast path, then the full read with
   * {@code read} (an expression of the key local).
   */
  static CodeBlock body(Repository repository, Method method, MethodScope scope, String constant,
      String key, CodeBlock read) {
    String hit = scope.local("hit");
    ClassName record = name(repository, constant);
    TypeName boxed = method.result().typeName().box();
    return CodeBlock.builder()
        .addStatement("$T $N = new $T($L)", record, key, record, CodeShapes.arguments(method))
        .addStatement("$T $N = $L.cached($L, $N)", boxed, hit, scope.field("larder"),
            scope.constant(constant), key)
        .beginControlFlow("if ($N != null)", hit)
        .addStatement("return $N", hit)
        .endControlFlow()
        .addStatement("return $L", read)
        .build();
  }
}
