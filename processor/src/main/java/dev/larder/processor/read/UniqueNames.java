package dev.larder.processor.read;

import dev.larder.processor.model.MethodSignature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * The name each abstract method of a repository goes by in messages, metrics, method tags and
 * reports. A method whose name is its own keeps it; every overload gets its signature with simple
 * type names, {@code title(int, String)} — every one of them, so that none depends on which was
 * declared first. Two overloads that only differ by the package of a type
 * ({@code java.util.Date} and {@code java.sql.Date}) get qualified type names instead.
 */
final class UniqueNames {
  private UniqueNames() {}

  /**
   * @param methods the abstract methods, each name once per signature
   * @param signatures the signature of a method as a member of the repository
   */
  static Map<ExecutableElement, String> of(
      List<ExecutableElement> methods, Function<ExecutableElement, ExecutableType> signatures) {
    Map<String, Integer> byName = new HashMap<>();
    methods.forEach(m -> byName.merge(m.getSimpleName().toString(), 1, Integer::sum));
    Map<ExecutableElement, String> simple = new HashMap<>();
    Map<String, Integer> bySimpleSignature = new HashMap<>();
    for (ExecutableElement m : methods) {
      String name = m.getSimpleName().toString();
      String unique = byName.get(name) == 1 ? name
          : signature(name, signatures.apply(m), t -> MethodSignature.simpleType(t.toString()));
      simple.put(m, unique);
      bySimpleSignature.merge(unique, 1, Integer::sum);
    }
    Map<ExecutableElement, String> out = new HashMap<>();
    for (ExecutableElement m : methods) {
      String unique = simple.get(m);
      out.put(m, bySimpleSignature.get(unique) == 1 ? unique
          : signature(m.getSimpleName().toString(), signatures.apply(m), TypeMirror::toString));
    }
    return out;
  }

  private static String signature(
      String name, ExecutableType type, Function<TypeMirror, String> display) {
    List<String> parameters = new ArrayList<>();
    type.getParameterTypes().forEach(p -> parameters.add(display.apply(p)));
    return MethodSignature.of(name, parameters);
  }
}
