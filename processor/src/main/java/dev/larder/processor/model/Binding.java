package dev.larder.processor.model;

/**
 * What binds one SQL {@code :name}: a parameter, or a component of a record parameter.
 *
 * @param sqlName the name as written after the colon
 * @param parameter the parameter, or null if nothing matches (a user error)
 * @param component the component of {@code parameter} when bound from a record, else null
 * @param ambiguousWith a second parameter that also matches, making the name ambiguous, or null
 */
public record Binding(
    String sqlName, Parameter parameter, JavaType.Component component, Parameter ambiguousWith) {

  public boolean resolved() {
    return parameter != null && ambiguousWith == null;
  }
}
