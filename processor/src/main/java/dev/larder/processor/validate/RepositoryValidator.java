package dev.larder.processor.validate;

import dev.larder.processor.model.DurationSetting;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Misplaced;
import dev.larder.processor.model.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validate stage: reports every mistake in a repository model once, on the element,
 * annotation and value at fault, and keeps going to find the others.
 */
public final class RepositoryValidator {
  private final Diagnostics diagnostics;
  private final TagCoverage coverage;
  private final EnumLabelValidator enumLabels;
  private final ConverterValidator converters;

  /**
   * @param coverage collects the valid methods of every repository validated, for the tag
   *     coverage check of the whole compilation
   */
  public RepositoryValidator(Diagnostics diagnostics, TagCoverage coverage) {
    this.diagnostics = diagnostics;
    this.coverage = coverage;
    this.enumLabels = new EnumLabelValidator(diagnostics);
    this.converters = new ConverterValidator(diagnostics);
  }

  /** Reports the problems of {@code repository}; returns true when there are none. */
  public boolean validate(Repository repository) {
    int before = diagnostics.errors();
    if (!repository.isInterface()) {
      String kind = repository.source().element().getKind().toString()
          .toLowerCase(Locale.ROOT).replace('_', ' ');
      diagnostics.report(Message.NOT_AN_INTERFACE, repository.source(),
          repository.interfaceName().simpleName(), withArticle(kind));
      return false;
    }
    if (repository.generic()) {
      diagnostics.report(Message.GENERIC_REPOSITORY, repository.source(),
          repository.interfaceName().simpleName());
    }
    duration(diagnostics, "ttl", repository.settings().ttl());
    duration(diagnostics, "emptyTtl", repository.settings().emptyTtl());
    duration(diagnostics, "staleWhileRevalidate", repository.settings().staleWhileRevalidate());
    misplaced(repository.misplaced());
    List<Method> valid = new ArrayList<>();
    for (Method method : repository.methods()) {
      if (new MethodValidator(diagnostics, method).validate()) {
        valid.add(method);
      }
    }
    boolean labelsValid = enumLabels.validate(repository);
    boolean convertersValid = converters.validate(repository);
    new KeysClassNames(diagnostics).check(repository);
    coverage.add(repository, valid);
    TransactionalValidator transactions = new TransactionalValidator(diagnostics);
    repository.transactional().forEach(transactions::validate);
    return diagnostics.errors() == before && labelsValid && convertersValid;
  }

  /** Reports Larder annotations found where they mean nothing. */
  public void misplaced(List<Misplaced> misplaced) {
    for (Misplaced m : misplaced) {
      diagnostics.report(Message.MISPLACED, m.source(), m.annotation(), m.where());
    }
  }

  static void duration(Diagnostics diagnostics, String name, DurationSetting setting) {
    if (setting == null) {
      return;
    }
    if (setting.value() == null) {
      diagnostics.report(Message.BAD_DURATION, setting.source(), name, setting.text());
    } else if (setting.value().isNegative()) {
      diagnostics.report(Message.NEGATIVE_DURATION, setting.source(), name, setting.text());
    }
  }

  private static String withArticle(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
