package dev.larder.processor.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the HTML report of a whole build from the descriptions the processor left in its class
 * output. Run it after compiling:
 *
 * <pre>
 * java -cp larder-processor.jar dev.larder.processor.report.LarderReport \
 *     target/classes target/larder-report.html
 * </pre>
 *
 * <p>It needs only the JDK and this jar (not javac, not JavaPoet), so a build can run it from the
 * processor dependency it already has, e.g. with {@code exec-maven-plugin}'s {@code java} goal.
 */
public final class LarderReport {
  private LarderReport() {}

  /**
   * {@code <class output directory> <report file>}. Failures are exceptions rather than an exit
   * status, so that a build running this in its own JVM fails instead of exiting.
   *
   * @throws IllegalArgumentException if the arguments are wrong or a description does not read
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java " + LarderReport.class.getName()
          + " <class output directory> <report.html>");
    }
    Path report = write(Path.of(args[0]), Path.of(args[1]));
    System.out.println("Larder: wrote the cache dependency report " + report);
  }

  /**
   * Reads every {@code META-INF/larder/*.json} under {@code classes}, in file name order, and
   * writes their HTML report to {@code report}.
   *
   * @return {@code report}
   */
  public static Path write(Path classes, Path report) {
    List<RepositoryDescription> descriptions = read(classes);
    try {
      Path parent = report.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(report, HtmlReport.render(descriptions), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + report, e);
    }
    return report;
  }

  /** The descriptions under {@code classes}, in file name order; none if it has none. */
  public static List<RepositoryDescription> read(Path classes) {
    if (!Files.isDirectory(classes)) {
      throw new IllegalArgumentException(classes + " is not a directory; pass the class output"
          + " of a compilation that ran the Larder processor, e.g. target/classes");
    }
    Path directory = classes.resolve(RepositoryDescription.DIRECTORY);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + directory, e);
    }
    List<RepositoryDescription> out = new ArrayList<>();
    for (Path file : files) {
      try {
        out.add(DescriptionJson.read(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + file, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
