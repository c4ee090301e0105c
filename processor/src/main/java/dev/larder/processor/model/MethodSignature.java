package dev.larder.processor.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a method is named where its name alone is not enough (an overloaded method in messages,
 * metrics and reports): by its signature as a reader would write it, {@code title(int, String)}.
 */
public final class MethodSignature {
  /** A run of lower-case package names before a type name: {@code java.util.}. */
  private static final Pattern PACKAGE =
      Pattern.compile("(?<![\\w$.])(?:[a-z][\\w$]*\\.)+(?=[A-Z])");

  private MethodSignature() {}

  /** {@code Optional<Product>} for {@code java.util.Optional<dev.larder.example.Product>}. */
  public static String simpleType(String type) {
    return PACKAGE.matcher(type).replaceAll("");
  }

  /** {@code title(int, String)}: the name and the parameter types, as given. */
  public static String of(String name, List<String> parameterTypes) {
    return name + "(" + String.join(", ", parameterTypes) + ")";
  }
}
