package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import dev.larder.processor.model.Parameter;
import java.util.List;
import java.util.Set;

/**
 * The names inside one generated method. Its parameters keep the names the user gave them; every
 * local variable and lambda parameter the generator adds is allocated after them, so that none
 * takes a parameter's name ({@code handle} becomes {@code handle_} next to a parameter called
 * {@code handle}); and a field is written so that a parameter of the same name cannot hide it.
 */
final class MethodScope {
  private final NameAllocator names = new NameAllocator();
  private final Set<String> parameters;
  private final ClassName owner;

  /**
   * @param owner the generated class, which qualifies a constant that a parameter hides
   * @param parameters the names of the method's parameters
   */
  MethodScope(ClassName owner, List<String> parameters) {
    this.owner = owner;
    this.parameters = Set.copyOf(parameters);
    parameters.forEach(names::newName);
  }

  /** The scope of the method generated for a repository method. */
  static MethodScope of(ClassName owner, List<Parameter> parameters) {
    return new MethodScope(owner, parameters.stream().map(Parameter::name).toList());
  }

  /** A new local variable or lambda parameter: {@code suggestion} unless it is taken. */
  String local(String suggestion) {
    return names.newName(suggestion);
  }

  /** An instance field: {@code larder}, or {@code this.larder} when a parameter hides it. */
  CodeBlock field(String name) {
    return parameters.contains(name) ? CodeBlock.of("this.$N", name) : CodeBlock.of("$N", name);
  }

  /** A static field: {@code FIND_BY_ID}, or qualified by its class when a parameter hides it. */
  CodeBlock constant(String name) {
    return parameters.contains(name)
        ? CodeBlock.of("$T.$N", owner, name) : CodeBlock.of("$N", name);
  }
}
