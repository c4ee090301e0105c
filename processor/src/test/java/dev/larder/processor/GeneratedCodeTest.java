package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties every generated file must have, checked on the representative repository. */
class GeneratedCodeTest {
  private static Map<String, String> generated;

  @BeforeAll
  static void generate() {
    generated = generatedSources(Sources.compile(ProductRepositorySource.get()));
    assertThat(generated).containsOnlyKeys("ProductRepositoryImpl", "ProductRepositoryKeys");
  }

  @Test
  void compilingTheSameSourceTwiceGivesIdenticalOutput() {
    Map<String, String> again = generatedSources(Sources.compile(ProductRepositorySource.get()));

    assertThat(again).isEqualTo(generated);
  }

  @Test
  void generatedCodeUsesNoReflection() {
    assertThat(generated.values()).allSatisfy(source -> assertThat(source).doesNotContain(
        "java.lang.reflect", "getDeclaredMethod", "getMethod(", "Class.forName", "Proxy",
        "newInstance"));
  }

  @Test
  void generatedCodeCompilesWithEveryLintWarningAsAnError() {
    List<JavaFileObject> files = new ArrayList<>(Records.ALL);
    files.add(ProductRepositorySource.get());
    generated.forEach((name, source) ->
        files.add(JavaFileObjects.forSourceString("test." + name, source)));

    Compilation compilation =
        javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(files);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void generatedAnnotationNamesTheProcessorAndHasNoTimestamp() {
    assertThat(generated.values()).allSatisfy(source -> assertThat(source)
        .contains("\n@Generated(\"dev.larder.processor.LarderProcessor\")\n")
        .doesNotContain("date =", "date=", "comments ="));
  }

  @Test
  void generatedClassesAreFinalAndNamedAfterTheInterface() {
    assertThat(generated.get("ProductRepositoryImpl"))
        .contains("public final class ProductRepositoryImpl implements ProductRepository {");
    assertThat(generated.get("ProductRepositoryKeys"))
        .contains("public final class ProductRepositoryKeys {");
  }

  @Test
  void processorIsDeclaredIsolatingForGradle() throws IOException {
    try (InputStream in = LarderProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(LarderProcessor.class.getName() + ",isolating");
    }
  }

  /** Simple name to source text of every generated source file. */
  private static Map<String, String> generatedSources(Compilation compilation) {
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> out = new LinkedHashMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.getName();
      String simpleName =
          name.substring(name.lastIndexOf('/') + 1, name.length() - ".java".length());
      try {
        out.put(simpleName, file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
