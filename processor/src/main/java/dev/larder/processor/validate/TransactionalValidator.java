package dev.larder.processor.validate;

import dev.larder.processor.model.TransactionalMethod;

/** Checks the default methods annotated {@code @Transactional}. */
final class TransactionalValidator {
  private final Diagnostics diagnostics;

  TransactionalValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void validate(TransactionalMethod method) {
    if (method.generic()) {
      diagnostics.report(Message.TRANSACTIONAL_GENERIC, method.source(), method.name());
    }
    if (method.thrownChecked()) {
      diagnostics.report(Message.TRANSACTIONAL_CHECKED, method.source(), method.name());
    }
    if (method.maxAttempts() < 0 || method.maxAttempts() > 1000) {
      diagnostics.report(Message.TRANSACTIONAL_ATTEMPTS, method.source(), method.maxAttempts(),
          method.name());
    }
    if (method.deadline() != null) {
      RepositoryValidator.duration(diagnostics, "deadline", method.deadline());
      if (method.deadline().value() != null && method.deadline().value().isZero()) {
        diagnostics.report(Message.TRANSACTIONAL_DEADLINE, method.deadline().source(),
            method.deadline().text(), method.name());
      }
    }
    for (String code : method.retryOn()) {
      if (code.length() != 5) {
        diagnostics.report(Message.TRANSACTIONAL_SQLSTATE, method.source(), code, method.name());
      }
    }
  }
}
