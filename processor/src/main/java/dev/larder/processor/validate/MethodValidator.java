package dev.larder.processor.validate;

import dev.larder.processor.model.Binding;
import dev.larder.processor.model.DurationSetting;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Source;
import dev.larder.processor.model.SqlClauses;
import dev.larder.processor.model.Template;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Checks one repository method. Each mistake is reported once: a check whose subject another
 * check already found wrong stays silent (an unknown key placeholder does not also make the key
 * "miss" a parameter, a misspelt {@code :name} does not also make its parameter "unused").
 */
final class MethodValidator {
  private final Diagnostics diagnostics;
  private final Method method;

  MethodValidator(Diagnostics diagnostics, Method method) {
    this.diagnostics = diagnostics;
    this.method = method;
  }

  /** Reports the method's problems; returns true when there are none. */
  boolean validate() {
    int before = diagnostics.errors();
    check();
    if (diagnostics.errors() == before) {
      // Only a method with no other mistake: an unbound :name is not also PostgreSQL's problem.
      new SchemaValidator(diagnostics, method).check();
    }
    return diagnostics.errors() == before;
  }

  private void check() {
    if (method.kind() == null) {
      diagnostics.report(Message.NO_SQL, method.source(), method.uniqueName());
      return;
    }
    if (method.conflicting()) {
      diagnostics.report(Message.QUERY_AND_UPDATE, method.source(), method.uniqueName());
      return;
    }
    if (method.generic()) {
      diagnostics.report(Message.GENERIC_METHOD, method.source(), method.uniqueName());
    }
    annotationsOfTheOtherKind();
    if (method.isCachedRead()) {
      duration("ttl", method.ttl());
    }
    boolean typesOk = parameters() & result();
    if (method.sql().text().isBlank()) {
      String annotation = method.kind() == MethodKind.QUERY ? "Query" : "Update";
      String example = method.kind() == MethodKind.QUERY
          ? "SELECT ... FROM ... WHERE id = :id" : "UPDATE ... SET ... WHERE id = :id";
      diagnostics.report(Message.BLANK_SQL, method.sql().source(), annotation, method.uniqueName(),
          annotation, example);
      return;
    }
    if (method.kind() == MethodKind.QUERY) {
      statementKind();
    }
    if (!typesOk) {
      return;
    }
    new PagingValidator(diagnostics, method).check();
    bindings();
    unusedParameters();
    if (method.isUncachedRead()) {
      return; // nothing to key or tag; a @CacheKey on it is reported above
    }
    if (method.kind() == MethodKind.QUERY) {
      if (method.key() != null) {
        template("key", method.key());
      }
      method.tags().forEach(t -> template("tag", t));
      keyCoverage();
    } else {
      method.invalidates().forEach(t -> template("invalidated tag", t));
      invalidation();
    }
  }

  /** {@code @CacheKey} on a write or an uncached read, {@code @InvalidatesTags} on a read. */
  private void annotationsOfTheOtherKind() {
    if (method.kind() == MethodKind.UPDATE && method.cacheKeyAnnotation() != null) {
      diagnostics.report(Message.CACHE_KEY_ON_WRITE, method.cacheKeyAnnotation(), method.uniqueName());
    }
    if (method.isUncachedRead() && method.cacheKeyAnnotation() != null) {
      diagnostics.report(
          Message.CACHE_KEY_ON_UNCACHED_READ, method.cacheKeyAnnotation(), method.uniqueName());
    }
    if (method.kind() == MethodKind.QUERY && method.invalidatesTagsAnnotation() != null) {
      diagnostics.report(
          Message.INVALIDATES_TAGS_ON_READ, method.invalidatesTagsAnnotation(), method.uniqueName());
    }
  }

  /** A read must not change data, and a cached read must not lock rows. */
  private void statementKind() {
    SqlClauses clauses = method.sql().clauses();
    if (clauses.dataChange() != null) {
      diagnostics.report(Message.DATA_CHANGING_QUERY, method.sql().source(), method.uniqueName(),
          clauses.dataChange());
    } else if (clauses.locking() != null && method.isCachedRead()) {
      diagnostics.report(Message.LOCKING_CACHED_QUERY, method.sql().source(), method.uniqueName(),
          clauses.locking());
    } else if (!clauses.sideEffects().isEmpty() && method.isCachedRead()) {
      diagnostics.report(Message.SIDE_EFFECTS_IN_CACHED_QUERY, method.sql().source(),
          method.uniqueName(), String.join(", ", clauses.sideEffects()),
          clauses.sideEffects().size() == 1 ? "changes" : "change",
          clauses.sideEffects().size() == 1 ? "it" : "them");
    }
  }

  private void duration(String name, DurationSetting setting) {
    RepositoryValidator.duration(diagnostics, name, setting);
  }

  private boolean parameters() {
    boolean ok = true;
    for (Parameter p : method.parameters()) {
      switch (p.kind()) {
        case UNSUPPORTED -> {
          diagnostics.report(Message.UNSUPPORTED_PARAMETER, p.source(), p.name(), method.uniqueName(),
              p.element().display(), ScalarKind.listForMessages(), p.name());
          ok = false;
        }
        case BATCH -> {
          if (method.kind() == MethodKind.QUERY) {
            diagnostics.report(Message.BATCH_ON_QUERY, p.source(), p.name(), method.uniqueName());
            ok = false;
          } else if (method.parameters().size() > 1) {
            Parameter other = method.parameters().stream()
                .filter(q -> q != p).findFirst().orElseThrow();
            diagnostics.report(Message.BATCH_NOT_ALONE, other.source(), method.uniqueName(), p.name(),
                other.name(), other.name(), p.element().display());
            ok = false;
          }
          ok &= components(p.record(), p.source());
        }
        case RECORD -> ok &= components(p.record(), p.source());
        default -> { }
      }
    }
    return ok;
  }

  /** Reports the unsupported components of a record, on the parameter or method using it. */
  private boolean components(JavaType.Record record, Source usedAt) {
    boolean ok = true;
    for (JavaType.Component c : record.components()) {
      if (c.type() instanceof JavaType.Unsupported unsupported) {
        diagnostics.report(Message.UNSUPPORTED_COMPONENT, usedAt, record.display(),
            method.uniqueName(), c.name(), unsupported.display(), ScalarKind.listForMessages());
        ok = false;
      }
    }
    return ok;
  }

  private boolean result() {
    var result = method.result();
    if (result.shape() == ResultShape.UNSUPPORTED) {
      if (method.kind() == MethodKind.QUERY) {
        diagnostics.report(Message.UNSUPPORTED_QUERY_RESULT, method.source(), method.uniqueName(),
            result.typeName(), ScalarKind.listForMessages());
      } else {
        diagnostics.report(Message.UNSUPPORTED_UPDATE_RESULT, method.source(), method.uniqueName(),
            result.typeName(), ScalarKind.listForMessages());
      }
      return false;
    }
    if (method.kind() == MethodKind.UPDATE && !returningMatchesResult()) {
      return false;
    }
    return !(result.element() instanceof JavaType.Record record)
        || components(record, method.source());
  }

  /**
   * An update returns rows (a record, a scalar, Optional or List of them) exactly when its SQL has
   * RETURNING; a batch returns them as a List.
   */
  private boolean returningMatchesResult() {
    ResultShape shape = method.result().shape();
    boolean rows = method.result().element() != null;
    boolean returning = method.sql().clauses().returning();
    Parameter batch = method.batchParameter();
    if (batch != null && returning && shape != ResultShape.LIST) {
      diagnostics.report(Message.BATCH_RETURNING, method.source(), method.uniqueName(),
          method.result().typeName(), batch.name());
      return false;
    }
    if (rows && !returning) {
      diagnostics.report(Message.UPDATE_ROWS_WITHOUT_RETURNING, method.source(),
          method.uniqueName(), method.result().typeName());
      return false;
    }
    if (shape == ResultShape.VOID && returning) {
      diagnostics.report(Message.UPDATE_VOID_WITH_RETURNING, method.source(), method.uniqueName());
      return false;
    }
    return true;
  }

  private void bindings() {
    for (Binding b : method.bindings()) {
      Parameter p = b.parameter();
      if (p != null && p.kind().paging()) {
        String becomes = switch (p.kind()) {
          case PAGE_REQUEST -> "LIMIT and OFFSET";
          case CURSOR -> "the WHERE that seeks past the cursor";
          default -> "LIMIT";
        };
        diagnostics.report(Message.PAGING_PARAMETER_IN_SQL, method.sql().source(), b.sqlName(),
            method.uniqueName(), p.name(), becomes, b.sqlName());
      } else if (p == null) {
        diagnostics.report(Message.UNBOUND_NAME, method.sql().source(), b.sqlName(),
            method.uniqueName(), b.sqlName(),
            Suggestions.didYouMean(b.sqlName(), method.bindableNames()));
      } else if (b.ambiguousWith() != null) {
        String first = p.name();
        String second = b.ambiguousWith().name();
        diagnostics.report(Message.AMBIGUOUS_NAME, method.sql().source(), b.sqlName(),
            method.uniqueName(), first, second, b.sqlName(), first, b.sqlName(), second, b.sqlName());
      } else if (b.component() == null
          && (p.kind() == ParameterKind.RECORD || p.kind() == ParameterKind.BATCH)) {
        JavaType.Record record = p.record();
        String example = record.components().isEmpty() ? "component"
            : record.components().get(0).name();
        diagnostics.report(Message.RECORD_BOUND_WHOLE, method.sql().source(), b.sqlName(),
            record.display(), b.sqlName(), example);
      }
    }
  }

  private void unusedParameters() {
    Set<Parameter> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Binding b : method.bindings()) {
      if (b.parameter() != null) {
        used.add(b.parameter());
        if (b.ambiguousWith() != null) {
          used.add(b.ambiguousWith());
        }
      } else {
        // A misspelt name is already reported with a hint; the parameter it meant is not unused.
        Parameter meant = parameterNamedBy(
            Suggestions.closest(b.sqlName(), method.bindableNames()));
        if (meant != null) {
          used.add(meant);
        }
      }
    }
    for (Parameter p : method.parameters()) {
      if (!used.contains(p) && !p.kind().paging()) {
        String suggestion = p.record() == null || p.record().components().isEmpty()
            ? p.name() : p.name() + "." + p.record().components().get(0).name();
        diagnostics.report(Message.UNUSED_PARAMETER, p.source(), p.name(), method.uniqueName(),
            suggestion);
      }
    }
  }

  /** The parameter that a bindable name ({@code id}, {@code filter.category}) belongs to. */
  private Parameter parameterNamedBy(String name) {
    if (name == null) {
      return null;
    }
    for (Parameter p : method.parameters()) {
      if (p.name().equals(name) || name.startsWith(p.name() + ".")) {
        return p;
      }
    }
    for (Parameter p : method.parameters()) {
      if (p.record() != null && p.record().component(name) != null) {
        return p;
      }
    }
    return null;
  }

  private void template(String what, Template template) {
    if (template.syntaxError() != null) {
      diagnostics.report(Message.BAD_TEMPLATE, template.source(), capitalize(what),
          template.text(), method.uniqueName(), template.syntaxError());
      return;
    }
    for (Template.Placeholder p : template.placeholders()) {
      if (p.resolved() && p.parameter().kind().paging()) {
        diagnostics.report(Message.PAGING_PARAMETER_IN_TEMPLATE, template.source(),
            capitalize(what), template.text(), method.uniqueName(), p.path(), p.path());
      } else if (!p.resolved()) {
        diagnostics.report(Message.UNKNOWN_PLACEHOLDER, template.source(), capitalize(what),
            template.text(), p.path(), method.uniqueName(),
            Suggestions.didYouMean(p.path(), method.bindableNames()));
      }
    }
    Template.Unseparated unseparated = template.unseparated();
    if (unseparated != null) {
      String between = unseparated.between();
      diagnostics.report(Message.UNSEPARATED_PLACEHOLDERS, template.source(), capitalize(what),
          template.text(), method.uniqueName(), unseparated.first().path(),
          unseparated.second().path(),
          between.isEmpty() ? "next to each other" : "with only \"" + between + "\" between them",
          what.equals("key") ? "key" : "tag", collidingValues(between),
          String.join(" ", Template.SEPARATORS.split("")), template.separated());
    }
  }

  /** Two pairs of values that give one key with {@code between} between them, in parentheses. */
  private static String collidingValues(String between) {
    if (between.equals("%")) {
      return " (\"x\" and \"25%\" spell what \"x%\" and \"25\" do)";
    }
    if (between.indexOf('%') >= 0) {
      return "";
    }
    return " (\"a" + between + "b\" and \"c\" spell what \"a\" and \"b" + between + "c\" do)";
  }

  /** Every value the SQL binds must be part of the key, or two calls would share an entry. */
  private void keyCoverage() {
    Template key = method.key();
    if (key == null || key.syntaxError() != null
        || key.placeholders().stream().anyMatch(p -> !p.resolved())) {
      return; // the template itself is wrong, and reported as such
    }
    for (Binding b : method.bindings()) {
      if (!b.resolved() || (b.component() == null && b.parameter().record() != null)
          || b.parameter().kind().paging()) {
        continue; // reported by bindings()
      }
      boolean covered = key.placeholders().stream().anyMatch(p -> p.parameter() == b.parameter()
          && (p.component() == null || p.component() == b.component()));
      if (!covered) {
        String what = b.component() == null ? "parameter " + b.parameter().name()
            : "component " + b.component().name() + " of parameter " + b.parameter().name();
        String placeholder = b.component() == null ? b.parameter().name()
            : b.parameter().name() + "." + b.component().name();
        diagnostics.report(Message.KEY_MISSES_PARAMETER, key.source(), key.text(),
            method.uniqueName(), what, b.sqlName(), placeholder, placeholder);
      }
    }
  }

  private void invalidation() {
    if (!method.hasInvalidatesTags()) {
      diagnostics.report(Message.WRITE_WITHOUT_INVALIDATION, method.source(), method.uniqueName());
    } else if (method.invalidates().isEmpty() && method.invalidationReason().isEmpty()) {
      diagnostics.report(Message.EMPTY_INVALIDATION_WITHOUT_REASON,
          method.invalidatesTagsAnnotation(), method.uniqueName());
    }
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
