package dev.larder.processor.validate;

import dev.larder.processor.model.EnumConstant;
import dev.larder.processor.model.EnumTypes;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Repository;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the labels of the enums a repository binds or reads: each label names one constant and
 * is not blank. An enum used by several repositories of a round is reported once, and makes each
 * of them invalid.
 */
final class EnumLabelValidator {
  private final Diagnostics diagnostics;
  private final Map<String, Boolean> checked = new HashMap<>();

  EnumLabelValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports the problems of the repository's enums; returns true when there are none. */
  boolean validate(Repository repository) {
    boolean valid = true;
    for (JavaType.Scalar type : EnumTypes.used(repository.methods())) {
      valid &= checked.computeIfAbsent(type.typeName().toString(), name -> check(type));
    }
    return valid;
  }

  private boolean check(JavaType.Scalar type) {
    boolean valid = true;
    Map<String, String> owners = new HashMap<>();
    for (EnumConstant constant : type.constants()) {
      if (constant.label().isBlank()) {
        diagnostics.report(Message.BLANK_ENUM_LABEL, constant.source(), type.display(),
            constant.name(), constant.name());
        valid = false;
        continue;
      }
      String owner = owners.putIfAbsent(constant.label(), constant.name());
      if (owner != null) {
        diagnostics.report(Message.DUPLICATE_ENUM_LABEL, constant.source(), constant.name(),
            type.display(), constant.label(), owner);
        valid = false;
      }
    }
    return valid;
  }
}
