package dev.larder.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.larder.processor.model.EnumTypes;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Interface>Keys}: for every cached read, the public builder of its cache key (what
 * the implementation uses, and what users call to inspect or warm entries) and of its tags; for
 * every write, the builder of the tags it invalidates.
 */
public final class KeysGenerator {
  private static final TypeName STRING_LIST =
      ParameterizedTypeName.get(RuntimeTypes.LIST, TypeName.get(String.class));

  public TypeSpec generate(Repository repository) {
    ClassFields fields = new ClassFields(
        EnumTypes.used(repository.methods()), EnumTypes.converted(repository.methods()));
    TypeSpec.Builder keys = TypeSpec.classBuilder(repository.keysName())
        .addAnnotation(RuntimeTypes.GENERATED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(repository.source().element())
        .addJavadoc("Cache keys and tags of {@link $T},\n", repository.interfaceName())
        .addJavadoc("as its generated implementation builds them.\n")
        .addJavadoc("Keys end with {@code @} and a fingerprint of the method's SQL and result type,\n")
        .addJavadoc("so entries written by another version of a query are never read.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addFields(fields.converterFields(EnumTypes.convertedParameters(repository.methods())))
        .addFields(fields.fields(EnumTypes.relabelledParameters(repository.methods())));
    for (Method method : repository.methods()) {
      if (method.isCachedRead()) {
        keys.addMethod(key(repository, method, fields));
        if (!method.tags().isEmpty()) {
          keys.addMethod(tags(repository, method, fields, method.tags(),
              "Returns the tags of the entry cached by"));
        }
      } else if (method.kind() == MethodKind.UPDATE && !method.invalidates().isEmpty()) {
        keys.addMethod(tags(repository, method, fields, method.invalidates(),
            "Returns the tags invalidated by"));
      }
    }
    return keys.build();
  }

  private MethodSpec key(Repository repository, Method method, ClassFields fields) {
    String suffix = "@" + method.fingerprint();
    // A page's key is the method's key, then which page (from the paging arguments), then the
    // fingerprint.
    boolean paged = method.isPaged();
    String keySuffix = paged ? "" : suffix;
    CodeBlock expression;
    if (method.key() != null) {
      expression = Expressions.render(fields, method.key(), keySuffix, null);
    } else {
      List<Object> pieces = new ArrayList<>();
      Expressions.appendLiteral(pieces, repository.simpleName() + ":" + method.name() + ":");
      List<Parameter> parameters = method.keyParameters();
      for (int i = 0; i < parameters.size(); i++) {
        if (i > 0) {
          Expressions.appendLiteral(pieces, ",");
        }
        pieces.add(Expressions.keyPart(fields, parameters.get(i), null, null));
      }
      Expressions.appendLiteral(pieces, keySuffix);
      expression = Expressions.concat(pieces);
    }
    if (paged) {
      expression = CodeBlock.of("$L +$W$L +$W$S", expression, pagePart(method), suffix);
    }
    return MethodSpec.methodBuilder(method.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("Returns the cache key of $L:\n{@code $L}.\n", link(repository, method),
            RuntimeTypes.javadocSafe(repository.cacheOf(method).keyTemplate() + suffix))
        .returns(String.class)
        .addParameters(parameters(method))
        .addStatement("return $L", expression)
        .build();
  }

  /** The part of a paged read's key that says which page, from its paging arguments. */
  private static CodeBlock pagePart(Method method) {
    if (method.result().shape() == ResultShape.PAGE) {
      return CodeBlock.of("$T.keyPart($N)", RuntimeTypes.OFFSET_PAGING,
          method.parameterOf(ParameterKind.PAGE_REQUEST).name());
    }
    return CodeBlock.of("$T.keyPart($N, $N)", RuntimeTypes.KEYSET,
        method.parameterOf(ParameterKind.CURSOR).name(),
        method.parameterOf(ParameterKind.LIMIT).name());
  }

  private MethodSpec tags(
      Repository repository, Method method, ClassFields fields, List<Template> templates,
      String doc) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.tagsBuilderName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("$L $L:\n{@code $L}.\n", doc, link(repository, method),
            RuntimeTypes.javadocSafe(
                templates.stream().map(Template::text).collect(Collectors.joining(", "))))
        .returns(STRING_LIST)
        .addParameters(parameters(method));
    Parameter batch = method.batchParameter();
    boolean perElement = templates.stream()
        .anyMatch(t -> t.placeholders().stream().anyMatch(Template.Placeholder::perElement));
    if (batch == null || !perElement) {
      List<CodeBlock> rendered = new ArrayList<>();
      for (Template t : templates) {
        rendered.add(Expressions.render(fields, t, "", null));
      }
      return builder.addStatement("return $T.of($L)", RuntimeTypes.LIST,
          CodeBlock.join(rendered, ", ")).build();
    }
    // One tag per distinct value across the batch, in first-seen order.
    MethodScope scope = MethodScope.of(repository.keysName(), method.parameters());
    String tags = scope.local("tags");
    String element = scope.local("row");
    builder.addStatement("$T<$T> $N = new $T<>()", RuntimeTypes.SET, String.class, tags,
        RuntimeTypes.LINKED_HASH_SET);
    for (Template t : templates) {
      if (t.placeholders().stream().noneMatch(Template.Placeholder::perElement)) {
        builder.addStatement("$N.add($L)", tags, Expressions.render(fields, t, "", null));
      }
    }
    builder.beginControlFlow("for ($T $N : $N)", batch.element().typeName(), element, batch.name());
    for (Template t : templates) {
      if (t.placeholders().stream().anyMatch(Template.Placeholder::perElement)) {
        builder.addStatement("$N.add($L)", tags, Expressions.render(fields, t, "", element));
      }
    }
    builder.endControlFlow();
    return builder.addStatement("return $T.copyOf($N)", RuntimeTypes.LIST, tags).build();
  }

  /**
   * {@code {@link ProductRepository#findById}}; for an overload, with its parameter types. The
   * builders of overloads are overloads themselves: they take the method's parameters.
   */
  private static CodeBlock link(Repository repository, Method method) {
    if (!method.overloaded()) {
      return CodeBlock.of("{@link $T#$N}", repository.interfaceName(), method.name());
    }
    List<CodeBlock> types = new ArrayList<>();
    method.parameters().forEach(p -> types.add(CodeBlock.of("$T", p.erasedTypeName())));
    return CodeBlock.of("{@link $T#$N($L)}", repository.interfaceName(), method.name(),
        CodeBlock.join(types, ", "));
  }

  private static List<ParameterSpec> parameters(Method method) {
    List<ParameterSpec> out = new ArrayList<>();
    for (Parameter p : method.parameters()) {
      out.add(ParameterSpec.builder(p.typeName(), p.name()).build());
    }
    return out;
  }
}
