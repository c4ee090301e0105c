package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Builds test sources and compiles them with the Larder processor. */
final class Sources {
  private Sources() {}

  /** A source file {@code test/<name>.java} with the given body after the package and imports. */
  static JavaFileObject source(String name, String... lines) {
    String header = String.join("\n",
        "package test;",
        "",
        "import dev.larder.annotation.*;",
        "import java.math.BigDecimal;",
        "import java.time.*;",
        "import java.util.*;",
        "");
    return JavaFileObjects.forSourceString(
        "test." + name, header + String.join("\n", lines) + "\n");
  }

  /**
   * {@code test/CatalogRepository.java}: an interface annotated {@code @CachedRepository} with
   * the given members.
   */
  static JavaFileObject repository(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("@CachedRepository");
    lines.add("public interface CatalogRepository {");
    lines.addAll(List.of(members));
    lines.add("}");
    return source("CatalogRepository", lines.toArray(String[]::new));
  }

  /** Compiles {@code files} and the shared {@link Records} with the Larder processor. */
  static Compilation compile(JavaFileObject... files) {
    return compile(List.of(), files);
  }

  static Compilation compile(List<String> options, JavaFileObject... files) {
    return compile(new LarderProcessor(), options, files);
  }

  static Compilation compile(
      Processor processor, List<String> options, JavaFileObject... files) {
    return javac().withProcessors(processor)
        .withOptions(options)
        .compile(withRecords(files));
  }

  /**
   * Runs only annotation processing, writing generated sources and class-output files (the
   * descriptions in {@code META-INF/larder/}) under {@code directory}, and returns their paths
   * relative to it. Unlike compile-testing, which hides generated files when
   * compilation fails, this shows what was generated next to an error.
   */
  static List<String> generateInto(Path directory, JavaFileObject... files) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task = compiler.getTask(null, null, diagnostics,
        List.of("-proc:only", "-s", directory.toString(), "-d", directory.toString()), null,
        withRecords(files));
    task.setProcessors(List.of(new LarderProcessor()));
    task.call();
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> directory.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a generated source file, or a failure naming what was generated instead. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName).orElseThrow(
        () -> new AssertionError(qualifiedName + " was not generated; generated: "
            + compilation.generatedSourceFiles().stream()
                .map(JavaFileObject::getName).collect(Collectors.toList())));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text (UTF-8) of a file generated into the class output, e.g.
   * {@code META-INF/larder/test.ProductRepository.json}, or a failure naming what was generated.
   */
  static String generatedResource(Compilation compilation, String path) {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError(path + " was not generated; generated: "
            + compilation.generatedFiles().stream()
                .map(JavaFileObject::getName).collect(Collectors.toList())));
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code source} again, without processors, next to the sources the processor
   * generated from it ({@code test.<name>} for each of {@code generated}) and with every lint
   * warning an error: what a user with {@code -Xlint:all -Werror} would get.
   */
  static Compilation compileGeneratedStrictly(
      Compilation compilation, JavaFileObject source, String... generated) {
    return compileGeneratedStrictly(compilation, List.of(source), generated);
  }

  /** {@link #compileGeneratedStrictly} of several sources. */
  static Compilation compileGeneratedStrictly(
      Compilation compilation, List<JavaFileObject> sources, String... generated) {
    List<JavaFileObject> files = withRecords(sources.toArray(JavaFileObject[]::new));
    for (String name : generated) {
      files.add(JavaFileObjects.forSourceString("test." + name,
          generatedSource(compilation, "test." + name)));
    }
    return javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(files);
  }

  /**
   * Asserts that {@code source} compiles with the processor without a warning, and that the
   * {@code <repository>Impl} and {@code <repository>Keys} it generates compile without one under
   * {@code -Xlint:all -Werror} ({@link #compileGeneratedStrictly}).
   */
  static void assertCompilesStrictly(JavaFileObject source, String repository) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compileGeneratedStrictly(
        compilation, source, repository + "Impl", repository + "Keys")).succeededWithoutWarnings();
  }

  private static List<JavaFileObject> withRecords(JavaFileObject... files) {
    List<JavaFileObject> all = new ArrayList<>(Records.ALL);
    all.addAll(List.of(files));
    return all;
  }
}
