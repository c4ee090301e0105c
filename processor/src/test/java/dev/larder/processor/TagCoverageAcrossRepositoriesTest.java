package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no write invalidates" warning is decided over every repository of the compilation, and
 * over the repositories an earlier compilation left descriptions of in the class output.
 */
class TagCoverageAcrossRepositoriesTest {
  private static final JavaFileObject READS = Sources.source("ProductReads",
      "@CachedRepository",
      "public interface ProductReads {",
      "  @Query(\"SELECT * FROM product WHERE id = :id\")",
      "  @CacheKey(value = \"product:{id}\", tags = \"product:{id}\")",
      "  Optional<Product> find(long id);",
      "}");
  private static final JavaFileObject WRITES = Sources.source("ProductWrites",
      "@CachedRepository",
      "public interface ProductWrites {",
      "  @Update(\"UPDATE product SET name = :name WHERE id = :id\")",
      "  @InvalidatesTags(\"product:{id}\")",
      "  int rename(long id, String name);",
      "}");

  @Test
  void aWriteOfAnotherRepositoryInTheCompilationInvalidatesTheRead() {
    Compilation compilation = compile(READS, WRITES);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aReadThatNoRepositoryInvalidatesIsStillWarnedAbout() {
    Compilation compilation = compile(READS);

    assertThat(compilation).hadWarningContaining("no write of any repository in this"
            + " compilation invalidates any tag of ProductReads.find (product:{id})")
        .inFile(READS).onLineContaining("tags = \"product:{id}\"");
  }

  @Test
  void anIncrementalCompilationSeesTheWritesDescribedInTheClassOutput(@TempDir Path classes) {
    assertThat(warnings(classes, READS, WRITES)).isEmpty();

    // Only the reads changed: the writes are known from their description in the class output.
    assertThat(warnings(classes, READS)).isEmpty();
  }

  @Test
  void aClassOutputWithoutTheWritesStillWarns(@TempDir Path classes) {
    assertThat(warnings(classes, READS)).singleElement().asString()
        .contains("invalidates any tag of ProductReads.find");
  }

  /** The warnings of a compilation (processing only) into the class output {@code classes}. */
  private static List<String> warnings(Path classes, JavaFileObject... files) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> sources = new java.util.ArrayList<>(Records.ALL);
    sources.addAll(List.of(files));
    JavaCompiler.CompilationTask task = compiler.getTask(null, null, diagnostics,
        List.of("-proc:only", "-s", classes.toString(), "-d", classes.toString()), null, sources);
    task.setProcessors(List.<Processor>of(new LarderProcessor()));
    assertThat(task.call()).isTrue();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }
}
