package dev.larder.processor;

import com.google.auto.service.AutoService;
import dev.larder.processor.generate.SourceWriter;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.Source;
import dev.larder.processor.read.EarlierWrites;
import dev.larder.processor.read.LarderAnnotations;
import dev.larder.processor.read.RepositoryReader;
import dev.larder.processor.schema.SchemaCheck;
import dev.larder.processor.validate.Diagnostics;
import dev.larder.processor.validate.Message;
import dev.larder.processor.validate.RepositoryValidator;
import dev.larder.processor.validate.TagCoverage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * The Larder annotation processor. For each interface annotated {@code @CachedRepository} it runs
 * the pipeline read (elements to model) → validate (diagnostics on the user's code) → generate
 * (JavaPoet, from the model only), with the schema stage ({@code -Alarder.migrations}) between
 * read and validate. A repository with an error gets no generated code; the others still do.
 */
@AutoService(Processor.class)
public final class LarderProcessor extends AbstractProcessor {
  /** Repositories whose signatures named types that did not exist yet; retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Every repository validated in any round, checked together in the last one. */
  private final TagCoverage coverage = new TagCoverage();
  /** The compile-time schema check of this compilation; made in the first round. */
  private SchemaCheck schema;

  @Override
  public Set<String> getSupportedOptions() {
    return new LinkedHashSet<>(SchemaCheck.optionNames());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(LarderAnnotations.CACHED_REPOSITORY);
    types.addAll(LarderAnnotations.ALL_METHOD_ANNOTATIONS);
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    RepositoryReader reader =
        new RepositoryReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    RepositoryValidator validator = new RepositoryValidator(diagnostics, coverage);
    SourceWriter writer = new SourceWriter(processingEnv.getFiler());
    if (schema == null) {
      schema = SchemaCheck.of(processingEnv.getOptions(), System.getenv(), classOutput(),
          diagnostics);
    }

    List<TypeElement> repositories = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        repositories.add(type);
      }
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWith(
        processingEnv.getElementUtils().getTypeElement(LarderAnnotations.CACHED_REPOSITORY))) {
      if (element instanceof TypeElement type) {
        repositories.add(type);
      }
    }

    for (TypeElement type : repositories) {
      try {
        if (reader.hasUnresolvedTypes(type)) {
          if (!round.processingOver()) {
            deferred.add(type.getQualifiedName().toString());
          }
          // In the last round javac has already reported the missing type; repeating it as an
          // unsupported type would be a second error for one mistake.
          continue;
        }
        Repository repository = schema.describe(reader.read(type));
        if (validator.validate(repository)) {
          writer.write(repository);
        }
      } catch (RuntimeException e) {
        diagnostics.report(Message.INTERNAL_ERROR, Source.of(type), type.getQualifiedName(),
            describe(e));
      }
    }
    try {
      validator.misplaced(reader.misplacedOutside(annotatedMethods(round), repositories));
    } catch (RuntimeException e) {
      diagnostics.reportUnpositioned(
          Message.INTERNAL_ERROR, "the Larder annotations of this round", describe(e));
    }
    if (round.processingOver()) {
      schema.close();
      // Tags are global: a write of any repository may invalidate a read of any other, so this
      // waits until every repository of the compilation has been read.
      try {
        coverage.check(diagnostics,
            EarlierWrites.read(processingEnv.getFiler(), coverage.repositories()),
            name -> {
              TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
              return type == null ? null : reader.read(type);
            });
      } catch (RuntimeException e) {
        diagnostics.reportUnpositioned(
            Message.INTERNAL_ERROR, "the tag coverage of this compilation", describe(e));
      }
    }
    return false;
  }

  /** The class output directory, or null when the compiler writes classes elsewhere (memory). */
  private Path classOutput() {
    try {
      URI uri = processingEnv.getFiler()
          .getResource(StandardLocation.CLASS_OUTPUT, "", "larder-probe").toUri();
      return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Every element of this round carrying a Larder method annotation, each once. */
  private Set<Element> annotatedMethods(RoundEnvironment round) {
    Set<Element> seen = new LinkedHashSet<>();
    for (String name : LarderAnnotations.ALL_METHOD_ANNOTATIONS) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
      if (annotation != null) {
        seen.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    return seen;
  }

  private static String describe(RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\n");
    return e + (lines.length > 1 ? " " + lines[1].trim() : "");
  }
}
