package dev.larder.processor.generate;

import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.CacheSettings;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.ReadCache;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.TagGraph;
import dev.larder.processor.model.Template;
import dev.larder.processor.model.TransactionalMethod;
import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.MarkdownReport;
import dev.larder.processor.report.RepositoryDescription;
import dev.larder.processor.report.RepositoryDescription.Cache;
import dev.larder.processor.report.RepositoryDescription.Column;
import dev.larder.processor.report.RepositoryDescription.MethodDescription;
import dev.larder.processor.report.RepositoryDescription.Parameter;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Transactional;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the description of a repository, {@code META-INF/larder/<qualified.Interface>.json}, and
 * its Markdown report, {@code META-INF/larder/<qualified.Interface>.md}, into the class output.
 * Each file has the interface as its only originating element, so the processor stays isolating.
 */
final class DescriptionWriter {
  private final Filer filer;

  DescriptionWriter(Filer filer) {
    this.filer = filer;
  }

  void write(Repository repository) {
    RepositoryDescription description = describe(repository);
    String name = repository.interfaceName().canonicalName();
    write(repository, RepositoryDescription.path(name, "json"), DescriptionJson.write(description));
    write(repository, RepositoryDescription.path(name, "md"), MarkdownReport.render(description));
  }

  /** The description of a valid repository, with its tag graph. */
  static RepositoryDescription describe(Repository repository) {
    TagGraph graph = TagGraph.of(repository);
    CacheSettings settings = repository.settings();
    Cache cache = new Cache(settings.ttl().text(), settings.emptyTtl().text(),
        settings.staleWhileRevalidate().text(), settings.strict() ? "STRICT" : "NEAR");
    List<MethodDescription> methods = new ArrayList<>();
    for (Method m : repository.methods()) {
      if (m.isUncachedRead()) {
        methods.add(Read.uncached(m.name(), m.uniqueName(), parameters(m),
            type(m.result().typeName()), m.sql().text(), m.fingerprint()));
      } else if (m.kind() == MethodKind.QUERY) {
        ReadCache readCache = repository.cacheOf(m);
        methods.add(new Read(m.name(), m.uniqueName(), parameters(m), type(m.result().typeName()),
            m.sql().text(), m.fingerprint(), readCache.keyTemplate(), texts(m.tags()),
            readCache.ttl().text(), names(graph.writesInvalidating(m))));
      } else {
        methods.add(new Write(m.name(), m.uniqueName(), parameters(m),
            type(m.result().typeName()), m.sql().text(), m.fingerprint(), m.batchParameter() != null,
            texts(m.invalidates()), m.invalidationReason(), names(graph.readsInvalidatedBy(m))));
      }
    }
    List<Transactional> transactional = new ArrayList<>();
    for (TransactionalMethod t : repository.transactional()) {
      List<Parameter> parameters = new ArrayList<>();
      t.parameters().forEach(p -> parameters.add(new Parameter(p.name(), type(p.type()))));
      transactional.add(new Transactional(t.name(), parameters, type(t.returnType()),
          t.transactionName(), t.isolation(), t.readOnly(),
          t.maxAttempts() > 0 ? t.maxAttempts() : null,
          t.deadline() != null ? t.deadline().text() : null, t.retryOn()));
    }
    return new RepositoryDescription(repository.interfaceName().canonicalName(),
        repository.simpleName(), cache, methods, transactional, columns(repository));
  }

  /** The result columns of each method the schema check described. */
  private static Map<String, List<Column>> columns(Repository repository) {
    Map<String, List<Column>> out = new LinkedHashMap<>();
    for (Method m : repository.methods()) {
      if (m.description() != null && !m.description().columns().isEmpty()) {
        out.put(m.uniqueName(), m.description().columns().stream()
            .map(c -> new Column(c.name(), c.display(), c.nullable())).toList());
      }
    }
    return out;
  }

  private static List<Parameter> parameters(Method method) {
    return method.parameters().stream()
        .map(p -> new Parameter(p.name(), type(p.typeName())))
        .toList();
  }

  private static String type(TypeName type) {
    return type.toString();
  }

  private static List<String> texts(List<Template> templates) {
    return templates.stream().map(Template::text).toList();
  }

  private static List<String> names(List<Method> methods) {
    return methods.stream().map(Method::uniqueName).toList();
  }

  private void write(Repository repository, String path, String content) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path,
          repository.source().element());
      // UTF-8 whatever the compiler's -encoding, as JSON requires.
      try (OutputStream out = file.openOutputStream()) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }
}
