package dev.larder.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The processor jar as users get it: JavaPoet inside it under Larder's package, no class of
 * JavaPoet's own package, and a published POM that does not pull JavaPoet onto the processor
 * path, so that a user's own JavaPoet (another version) cannot clash with Larder's.
 */
class ProcessorJarIT {
  /** The packaged file failsafe names; a run by surefire (before packaging) skips the test. */
  private static Path property(String name) {
    String value = System.getProperty(name);
    assumeTrue(value != null, "run by failsafe after packaging, which sets " + name);
    return Path.of(value);
  }

  @Test
  void javaPoetIsRelocatedIntoTheProcessorJar() throws IOException {
    List<String> foreign = new ArrayList<>();
    int relocated = 0;
    boolean processorReferencesRelocated = false;
    try (JarFile jar = new JarFile(property("larder.processorJar").toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        String name = entry.getName();
        if (name.startsWith("com/palantir/")) {
          foreign.add(name);
        }
        if (name.startsWith("dev/larder/processor/shaded/javapoet/")
            && name.endsWith(".class")) {
          relocated++;
        }
        if (name.equals("dev/larder/processor/generate/ImplGenerator.class")) {
          try (InputStream in = jar.getInputStream(entry)) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            processorReferencesRelocated =
                constants.contains("dev/larder/processor/shaded/javapoet/TypeSpec")
                    && !constants.contains("com/palantir/javapoet");
          }
        }
      }
      assertThat(jar.getEntry("META-INF/services/javax.annotation.processing.Processor"))
          .as("the processor's service entry").isNotNull();
    }
    assertThat(foreign).isEmpty();
    assertThat(relocated).isGreaterThan(20);
    assertThat(processorReferencesRelocated).isTrue();
  }

  @Test
  void thePublishedPomDoesNotDependOnJavaPoet() throws IOException {
    String pom = Files.readString(property("larder.reducedPom"));
    String dependencies = pom.substring(pom.indexOf("<dependencies>"));
    assertThat(dependencies).doesNotContain("<artifactId>javapoet</artifactId>");
    assertThat(dependencies).contains("<artifactId>larder-annotations</artifactId>");
  }
}
