package dev.larder.processor.validate;

import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.Source;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Warns about cached reads that no write of the repository can invalidate: their entries can
 * only go stale until their TTL. Two tag templates match when some values of their placeholders
 * make them equal ({@code product:{id}} matches {@code product:{row.id}} and {@code product:7}).
 */
final class TagCoverage {
  private static final char WILDCARD = '\u0000';

  private final Diagnostics diagnostics;

  TagCoverage(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Warns about the reads among {@code checked} whose tags no write of {@code repository}
   * invalidates. Reads with errors are left out: their errors come first.
   */
  void check(Repository repository, List<Method> checked) {
    List<String> invalidated = new ArrayList<>();
    for (Method m : repository.methods()) {
      if (m.kind() == MethodKind.UPDATE && !m.conflicting()) {
        m.invalidates().stream().map(TagCoverage::shape).forEach(invalidated::add);
      }
    }
    for (Method m : checked) {
      if (m.kind() != MethodKind.QUERY) {
        continue;
      }
      boolean covered = m.tags().stream()
          .map(TagCoverage::shape)
          .anyMatch(tag -> invalidated.stream().anyMatch(other -> overlap(tag, other)));
      if (!covered) {
        String tags = m.tags().isEmpty() ? "it has no tags"
            : m.tags().stream().map(Template::text).collect(Collectors.joining(", "));
        // On the tags when there are some: they are what a write would have to name.
        Source where = m.tags().isEmpty() ? m.source() : m.tags().get(0).source();
        diagnostics.report(Message.TAGS_NEVER_INVALIDATED, where,
            repository.interfaceName().simpleName(), m.name(), tags);
      }
    }
  }

  /** The template with every placeholder replaced by a wildcard character. */
  private static String shape(Template template) {
    StringBuilder out = new StringBuilder();
    for (Template.Segment segment : template.segments()) {
      if (segment instanceof Template.Literal literal) {
        out.append(literal.text());
      } else {
        out.append(WILDCARD);
      }
    }
    return out.toString();
  }

  private static boolean overlap(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    return glob(a).matcher(b.replace(WILDCARD, '*')).matches()
        || glob(b).matcher(a.replace(WILDCARD, '*')).matches();
  }

  private static Pattern glob(String shape) {
    StringBuilder regex = new StringBuilder();
    for (String part : shape.split(String.valueOf(WILDCARD), -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
