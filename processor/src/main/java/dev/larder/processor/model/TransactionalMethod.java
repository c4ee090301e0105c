package dev.larder.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A default method annotated {@code @Transactional}: the generated implementation overrides it
 * to run the interface's body in a transaction.
 *
 * @param name the method name
 * @param returnType its return type
 * @param parameters its parameters, in order
 * @param varargs whether the last parameter is a varargs one
 * @param thrownChecked whether it declares checked exceptions (a user error)
 * @param generic whether it declares type parameters (a user error)
 * @param transactionName the name statistics are kept under
 * @param isolation the isolation constant's name, {@code DEFAULT} for the runtime's default
 * @param readOnly whether the transaction is read-only
 * @param maxAttempts the attempts, 0 for the runtime's default
 * @param deadline the deadline, or null for the runtime's default
 * @param retryOn extra SQLSTATEs to retry
 * @param source the method and its annotation
 */
public record TransactionalMethod(
    String name,
    TypeName returnType,
    List<Param> parameters,
    boolean varargs,
    boolean thrownChecked,
    boolean generic,
    String transactionName,
    String isolation,
    boolean readOnly,
    int maxAttempts,
    DurationSetting deadline,
    List<String> retryOn,
    Source source) {

  /** A parameter of the overridden method. */
  public record Param(String name, TypeName type) {}
}
