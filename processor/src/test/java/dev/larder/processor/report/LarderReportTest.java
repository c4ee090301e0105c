package dev.larder.processor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LarderReportTest {
  @TempDir Path classes;

  @Test
  void thePageCoversEveryDescriptionInFileNameOrder() throws IOException {
    describe(new RepositoryDescription("shop.ZooRepository", "ZooRepository", Descriptions.CACHE,
        List.of(Descriptions.read("feed", "zoo:{id}", List.of("zoo:{id}"))), List.of()));
    describe(Descriptions.catalog());
    Path report = classes.resolve("out/report.html");

    LarderReport.main(new String[] {classes.toString(), report.toString()});

    String page = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(page).contains("<tr id=\"shop.CatalogRepository.findById\">",
        "<tr id=\"shop.ZooRepository.feed\" class=\"stale\">");
    assertThat(page.indexOf("<h2>CatalogRepository</h2>"))
        .isLessThan(page.indexOf("<h2>ZooRepository</h2>"));
    assertThat(LarderReport.read(classes)).extracting(RepositoryDescription::name)
        .containsExactly("shop.CatalogRepository", "shop.ZooRepository");
  }

  @Test
  void aBuildWithoutRepositoriesGetsAPageSayingSo() throws IOException {
    Path report = LarderReport.write(classes, classes.resolve("report.html"));

    assertThat(Files.readString(report)).contains("No repository descriptions were found");
  }

  @Test
  void aMissingClassOutputIsAClearError() {
    assertThatThrownBy(() -> LarderReport.write(classes.resolve("nope"), classes.resolve("r.html")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a directory; pass the class output");
  }

  @Test
  void aBrokenDescriptionIsNamed() throws IOException {
    Path directory = Files.createDirectories(classes.resolve(RepositoryDescription.DIRECTORY));
    Files.writeString(directory.resolve("x.Broken.json"), "{\"format\": 1,");

    assertThatThrownBy(() -> LarderReport.read(classes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.Broken.json: not JSON: ");
  }

  @Test
  void wrongArgumentsGiveTheUsage() {
    assertThatThrownBy(() -> LarderReport.main(new String[] {"target/classes"}))
        .hasMessageContaining("usage: java dev.larder.processor.report.LarderReport");
  }

  /**
   * A build runs the command from the processor jar without the processor's dependencies: the
   * report package may use the JDK and TagShape, never JavaPoet or javac's model.
   */
  @Test
  void runsWithNothingButTheJdkAndTheProcessorsOwnClasses() throws Exception {
    describe(Descriptions.catalog());
    Path report = classes.resolve("report.html");
    URL processorClasses = LarderReport.class.getProtectionDomain().getCodeSource().getLocation();

    try (URLClassLoader isolated = new URLClassLoader(new URL[] {processorClasses},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> command = isolated.loadClass(LarderReport.class.getName());
      try {
        command.getMethod("main", String[].class)
            .invoke(null, (Object) new String[] {classes.toString(), report.toString()});
      } catch (InvocationTargetException e) {
        throw new AssertionError("the report command needs more than the JDK", e.getCause());
      }
    }

    assertThat(Files.readString(report)).contains("CatalogRepository");
  }

  private void describe(RepositoryDescription description) throws IOException {
    Path directory = Files.createDirectories(classes.resolve(RepositoryDescription.DIRECTORY));
    Files.writeString(directory.resolve(description.name() + ".json"),
        DescriptionJson.write(description), StandardCharsets.UTF_8);
  }
}
