package dev.larder.processor.validate;

import dev.larder.processor.model.Binding;
import dev.larder.processor.model.DurationSetting;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Misplaced;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Template;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validate stage: reports every mistake in a repository model once, on the element,
 * annotation and value at fault, and keeps going to find the others.
 */
public final class RepositoryValidator {
  private final Diagnostics diagnostics;

  public RepositoryValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports the problems of {@code repository}; returns true when there are none. */
  public boolean validate(Repository repository) {
    int before = diagnostics.errors();
    if (!repository.isInterface()) {
      diagnostics.report(Message.NOT_AN_INTERFACE, repository.source(),
          repository.interfaceName().simpleName(),
          repository.source().element().getKind().toString().toLowerCase().replace('_', ' '));
      return false;
    }
    if (repository.generic()) {
      diagnostics.report(Message.GENERIC_REPOSITORY, repository.source(),
          repository.interfaceName().simpleName());
    }
    durations(repository);
    misplaced(repository.misplaced());
    Map<String, Integer> names = new HashMap<>();
    for (Method method : repository.methods()) {
      names.merge(method.name(), 1, Integer::sum);
    }
    for (Method method : repository.methods()) {
      if (names.get(method.name()) > 1) {
        diagnostics.report(Message.OVERLOADED, method.source(), method.name(),
            repository.keysName().simpleName());
      }
      new MethodValidator(diagnostics, method).validate();
    }
    new TagCoverage(diagnostics).check(repository);
    return diagnostics.errors() == before;
  }

  /** Reports Larder annotations found where they mean nothing. */
  public void misplaced(List<Misplaced> misplaced) {
    for (Misplaced m : misplaced) {
      diagnostics.report(Message.MISPLACED, m.source(), m.annotation(), m.where());
    }
  }

  private void durations(Repository repository) {
    duration("ttl", repository.settings().ttl());
    duration("emptyTtl", repository.settings().emptyTtl());
    duration("staleWhileRevalidate", repository.settings().staleWhileRevalidate());
  }

  private void duration(String name, DurationSetting setting) {
    if (setting == null) {
      return;
    }
    if (setting.value() == null) {
      diagnostics.report(Message.BAD_DURATION, setting.source(), name, setting.text());
    } else if (setting.value().isNegative()) {
      diagnostics.report(Message.NEGATIVE_DURATION, setting.source(), name, setting.text());
    }
  }

  /** Checks one method. */
  private static final class MethodValidator {
    private final Diagnostics diagnostics;
    private final Method method;

    MethodValidator(Diagnostics diagnostics, Method method) {
      this.diagnostics = diagnostics;
      this.method = method;
    }

    void validate() {
      if (method.kind() == null) {
        diagnostics.report(Message.NO_SQL, method.source(), method.name());
        return;
      }
      if (method.conflicting()) {
        diagnostics.report(Message.QUERY_AND_UPDATE, method.source(), method.name());
        return;
      }
      if (method.generic()) {
        diagnostics.report(Message.GENERIC_METHOD, method.source(), method.name());
      }
      boolean typesOk = parameters() & result();
      if (method.sql().text().isBlank()) {
        String annotation = method.kind() == MethodKind.QUERY ? "Query" : "Update";
        String example = method.kind() == MethodKind.QUERY
            ? "SELECT ... FROM ... WHERE id = :id" : "UPDATE ... SET ... WHERE id = :id";
        diagnostics.report(Message.BLANK_SQL, method.sql().source(), annotation, method.name(),
            annotation, example);
        return;
      }
      if (!typesOk) {
        return;
      }
      bindings();
      unusedParameters();
      templates();
      if (method.kind() == MethodKind.QUERY) {
        keyCoverage();
        if (method.ttl() != null) {
          if (method.ttl().value() == null) {
            diagnostics.report(Message.BAD_DURATION, method.ttl().source(), "ttl",
                method.ttl().text());
          } else if (method.ttl().value().isNegative()) {
            diagnostics.report(Message.NEGATIVE_DURATION, method.ttl().source(), "ttl",
                method.ttl().text());
          }
        }
      } else {
        invalidation();
      }
    }

    private boolean parameters() {
      boolean ok = true;
      for (Parameter p : method.parameters()) {
        switch (p.kind()) {
          case UNSUPPORTED -> {
            diagnostics.report(Message.UNSUPPORTED_PARAMETER, p.source(), p.name(), method.name(),
                p.element().display(), ScalarKind.listForMessages(), p.name());
            ok = false;
          }
          case BATCH -> {
            if (method.kind() == MethodKind.QUERY) {
              diagnostics.report(Message.BATCH_ON_QUERY, p.source(), p.name(), method.name());
              ok = false;
            } else if (method.parameters().size() > 1) {
              Parameter other = method.parameters().stream()
                  .filter(q -> q != p).findFirst().orElseThrow();
              diagnostics.report(Message.BATCH_NOT_ALONE, other.source(), method.name(), p.name(),
                  other.name(), other.name(), p.element().display());
              ok = false;
            }
            ok &= components(p.record());
          }
          case RECORD -> ok &= components(p.record());
          default -> { }
        }
      }
      return ok;
    }

    private boolean components(JavaType.Record record) {
      boolean ok = true;
      for (JavaType.Component c : record.components()) {
        if (c.type() instanceof JavaType.Unsupported unsupported) {
          diagnostics.report(Message.UNSUPPORTED_COMPONENT, method.source(), record.display(),
              method.name(), c.name(), unsupported.display(), ScalarKind.listForMessages());
          ok = false;
        }
      }
      return ok;
    }

    private boolean result() {
      var result = method.result();
      if (result.shape() == ResultShape.UNSUPPORTED) {
        if (method.kind() == MethodKind.QUERY) {
          diagnostics.report(Message.UNSUPPORTED_QUERY_RESULT, method.source(), method.name(),
              result.typeName(), ScalarKind.listForMessages());
        } else {
          diagnostics.report(Message.UNSUPPORTED_UPDATE_RESULT, method.source(), method.name(),
              result.typeName());
        }
        return false;
      }
      return !(result.element() instanceof JavaType.Record record) || components(record);
    }

    private void bindings() {
      for (Binding b : method.bindings()) {
        if (b.parameter() == null) {
          diagnostics.report(Message.UNBOUND_NAME, method.sql().source(), b.sqlName(),
              method.name(), b.sqlName(),
              Suggestions.didYouMean(b.sqlName(), method.bindableNames()));
        } else if (b.ambiguousWith() != null) {
          String first = b.parameter().name();
          String second = b.ambiguousWith().name();
          diagnostics.report(Message.AMBIGUOUS_NAME, method.sql().source(), b.sqlName(),
              method.name(), first, second, b.sqlName(), first, b.sqlName(), second, b.sqlName());
        } else if (b.component() == null && b.parameter().kind() == ParameterKind.RECORD) {
          JavaType.Record record = b.parameter().record();
          String example = record.components().isEmpty() ? "component"
              : record.components().get(0).name();
          diagnostics.report(Message.RECORD_BOUND_WHOLE, method.sql().source(), b.sqlName(),
              record.display(), b.sqlName(), example);
        }
      }
    }

    private void unusedParameters() {
      for (Parameter p : method.parameters()) {
        boolean used = method.bindings().stream().anyMatch(b -> b.parameter() == p);
        if (!used) {
          String suggestion = p.record() == null || p.record().components().isEmpty()
              ? p.name() : p.name() + "." + p.record().components().get(0).name();
          diagnostics.report(Message.UNUSED_PARAMETER, p.source(), p.name(), method.name(),
              suggestion);
        }
      }
    }

    private void templates() {
      String what = method.kind() == MethodKind.QUERY ? "tag" : "invalidated tag";
      if (method.key() != null) {
        template("key", method.key());
      }
      for (Template t : method.tags()) {
        template(what, t);
      }
      for (Template t : method.invalidates()) {
        template(what, t);
      }
    }

    private void template(String what, Template template) {
      if (template.syntaxError() != null) {
        diagnostics.report(Message.BAD_TEMPLATE, template.source(), capitalize(what),
            template.text(), method.name(), template.syntaxError());
        return;
      }
      for (Template.Placeholder p : template.placeholders()) {
        if (!p.resolved()) {
          diagnostics.report(Message.UNKNOWN_PLACEHOLDER, template.source(), capitalize(what),
              template.text(), p.path(), method.name(),
              Suggestions.didYouMean(p.path(), method.bindableNames()));
        }
      }
    }

    /** Every value the SQL binds must be part of the key, or two calls would share an entry. */
    private void keyCoverage() {
      Template key = method.key();
      if (key == null || key.syntaxError() != null) {
        return;
      }
      for (Binding b : method.bindings()) {
        if (!b.resolved()) {
          continue;
        }
        boolean covered = key.placeholders().stream().anyMatch(p -> p.resolved()
            && p.parameter() == b.parameter()
            && (p.component() == null || p.component() == b.component()));
        if (!covered) {
          String what = b.component() == null ? "parameter " + b.parameter().name()
              : "component " + b.component().name() + " of parameter " + b.parameter().name();
          String placeholder = b.component() == null ? b.parameter().name()
              : b.parameter().name() + "." + b.component().name();
          diagnostics.report(Message.KEY_MISSES_PARAMETER, key.source(), key.text(),
              method.name(), what, b.sqlName(), placeholder, placeholder);
        }
      }
    }

    private void invalidation() {
      if (!method.hasInvalidatesTags()) {
        diagnostics.report(Message.WRITE_WITHOUT_INVALIDATION, method.source(), method.name());
      } else if (method.invalidates().isEmpty() && method.invalidationReason().isEmpty()) {
        diagnostics.report(Message.EMPTY_INVALIDATION_WITHOUT_REASON, method.source(),
            method.name());
      }
    }

    private static String capitalize(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
