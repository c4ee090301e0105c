package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.TransactionalMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The overrides of {@code @Transactional} default methods: each runs the interface's own body
 * ({@code Repository.super.method(..)}) inside {@code larder.inTransaction} with options kept in
 * a constant.
 */
final class TransactionalMethods {
  private static final ClassName OPTIONS = ClassName.get("dev.larder.runtime", "TransactionOptions");
  private static final ClassName ISOLATION = ClassName.get("dev.larder.annotation", "Isolation");

  private TransactionalMethods() {}

  static FieldSpec constant(TransactionalMethod method, String name) {
    CodeBlock.Builder options = CodeBlock.builder()
        .add("$T.named($S)", OPTIONS, method.transactionName());
    if (!method.isolation().equals("DEFAULT")) {
      options.add("\n.withIsolation($T.$N)", ISOLATION, method.isolation());
    }
    if (method.readOnly()) {
      options.add("\n.withReadOnly(true)");
    }
    if (method.maxAttempts() > 0) {
      options.add("\n.withMaxAttempts($L)", method.maxAttempts());
    }
    if (method.deadline() != null) {
      options.add("\n.withDeadline($L)", Expressions.duration(method.deadline().value()));
    }
    if (!method.retryOn().isEmpty()) {
      List<CodeBlock> codes = new ArrayList<>();
      method.retryOn().forEach(code -> codes.add(CodeBlock.of("$S", code)));
      options.add("\n.withRetryOn($L)", CodeBlock.join(codes, ", "));
    }
    return FieldSpec.builder(OPTIONS, name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        // Too long for one line, it breaks after "=" (SourceWriter drops the space left there).
        .initializer("$Z$>$>$L$<$<", options.build())
        .build();
  }

  static MethodSpec override(
      Repository repository, TransactionalMethod method, String constantName) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(method.returnType())
        .varargs(method.varargs());
    List<CodeBlock> arguments = new ArrayList<>();
    for (TransactionalMethod.Param p : method.parameters()) {
      builder.addParameter(p.type(), p.name());
      arguments.add(CodeBlock.of("$N", p.name()));
    }
    CodeBlock body = CodeBlock.of("$T.super.$N($L)", repository.interfaceName(), method.name(),
        CodeBlock.join(arguments, ",$W"));
    MethodScope scope = new MethodScope(repository.implName(),
        method.parameters().stream().map(TransactionalMethod.Param::name).toList());
    CodeBlock larder = scope.field("larder");
    CodeBlock constant = scope.constant(constantName);
    String handle = scope.local("handle");
    if (method.returnType().equals(TypeName.VOID)) {
      return builder
          .addCode("$L.inTransaction($L, $N -> {\n$>", larder, constant, handle)
          .addStatement("$L", body)
          .addStatement("return null")
          .addCode("$<});\n")
          .build();
    }
    return builder.addStatement("return $L.inTransaction($L,$W$N -> $L)", larder, constant, handle,
        body)
        .build();
  }
}
