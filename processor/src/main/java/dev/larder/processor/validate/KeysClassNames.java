package dev.larder.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Repository;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds methods of the generated {@code <Interface>Keys} class that would have one signature: the
 * key builder of a cached read is named after it ({@code fooTags(long)}), and the tags builder of a
 * method {@code foo} is {@code fooTags} with its parameters, so a read {@code fooTags(long)} next
 * to a tagged {@code foo(long)} gives two. A renamed builder would leave users guessing which is
 * which, so it is an error that names both methods.
 */
final class KeysClassNames {
  private final Diagnostics diagnostics;

  KeysClassNames(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(Repository repository) {
    String keys = repository.keysName().simpleName();
    for (Method tagged : repository.methods()) {
      if (!hasTagsBuilder(tagged)) {
        continue;
      }
      for (Method read : repository.methods()) {
        if (read.isCachedRead() && read.name().equals(tagged.tagsBuilderName())
            && erasure(read).equals(erasure(tagged))) {
          String signature = read.name() + read.parameters().stream()
              .map(p -> simpleName(p.erasedTypeName()))
              .collect(Collectors.joining(", ", "(", ")"));
          diagnostics.report(Message.KEYS_METHOD_CLASH, read.source(), keys, signature,
              read.uniqueName(), tagged.uniqueName(), read.name(), tagged.name());
        }
      }
    }
  }

  /** Whether {@code <Interface>Keys} gets a tags builder for the method. */
  private static boolean hasTagsBuilder(Method method) {
    return method.isCachedRead() ? !method.tags().isEmpty()
        : method.kind() == MethodKind.UPDATE && !method.invalidates().isEmpty();
  }

  /** The parameter types as Java tells overloads apart: erased. */
  private static List<String> erasure(Method method) {
    return method.parameters().stream().map(p -> p.erasedTypeName().toString()).toList();
  }

  private static String simpleName(TypeName type) {
    return type instanceof ClassName className ? className.simpleName() : type.toString();
  }
}
