package dev.larder.processor.validate;

import dev.larder.processor.model.Method;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.Source;
import dev.larder.processor.model.TagGraph;
import dev.larder.processor.model.Template;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Warns about cached reads that no write of the repository can invalidate: their entries can
 * only go stale until their TTL. Which write invalidates which read is the repository's
 * {@link TagGraph}: two tag templates match when some values of their placeholders make them
 * equal ({@code product:{id}} matches {@code product:{row.id}} and {@code product:7}).
 */
final class TagCoverage {
  private final Diagnostics diagnostics;

  TagCoverage(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Warns about the reads among {@code checked} whose tags no write of {@code repository}
   * invalidates. Reads with errors are left out: their errors come first.
   */
  void check(Repository repository, List<Method> checked) {
    TagGraph graph = TagGraph.of(repository);
    for (Method m : checked) {
      if (!m.isCachedRead() || !graph.writesInvalidating(m).isEmpty()) {
        continue;
      }
      String tags = m.tags().isEmpty() ? "it has no tags"
          : m.tags().stream().map(Template::text).collect(Collectors.joining(", "));
      // On the tags when there are some: they are what a write would have to name.
      Source where = m.tags().isEmpty() ? m.source() : m.tags().get(0).source();
      diagnostics.report(Message.TAGS_NEVER_INVALIDATED, where,
          repository.interfaceName().simpleName(), m.name(), tags);
    }
  }
}
