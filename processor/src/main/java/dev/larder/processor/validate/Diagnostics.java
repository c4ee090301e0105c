package dev.larder.processor.validate;

import dev.larder.processor.model.Source;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** Reports {@link Message}s on their source positions and counts the errors. */
public final class Diagnostics {
  private final Messager messager;
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  public void report(Message message, Source source, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = message.format(args);
    if (source.value() != null) {
      messager.printMessage(
          message.kind(), text, source.element(), source.annotation(), source.value());
    } else if (source.annotation() != null) {
      messager.printMessage(message.kind(), text, source.element(), source.annotation());
    } else {
      messager.printMessage(message.kind(), text, source.element());
    }
  }

  /** Reports a message that belongs to no element, such as an internal error outside one. */
  public void reportUnpositioned(Message message, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(message.kind(), message.format(args));
  }

  /** The number of errors reported so far. */
  public int errors() {
    return errors;
  }
}
