package dev.larder.processor.read;

import dev.larder.processor.model.KnownWrite;
import dev.larder.processor.model.TagShape;
import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.RepositoryDescription;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The writes of repositories compiled earlier into the same class output, read from the
 * descriptions they left in {@code META-INF/larder/}. An incremental compilation holds only the
 * repositories whose sources changed; these are the writes of the others.
 *
 * <p>The Filer cannot list a directory, so this asks it where the class output is and lists it
 * on the file system. A class output that is not a directory (an in-memory file manager) has no
 * earlier descriptions; a description that does not read is skipped. Either way the tag coverage
 * warning can only appear where it would have without them.
 */
public final class EarlierWrites {
  private EarlierWrites() {}

  /** The writes described in the class output, but not those of {@code current} repositories. */
  public static List<KnownWrite> read(Filer filer, Collection<String> current) {
    Path directory = descriptionDirectory(filer);
    if (directory == null || !Files.isDirectory(directory)) {
      return List.of();
    }
    List<KnownWrite> writes = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        RepositoryDescription description = description(file);
        if (description == null || current.contains(description.name())) {
          continue;
        }
        for (Write w : description.writes()) {
          writes.add(new KnownWrite(description.simpleName() + "." + w.uniqueName(),
              w.invalidatesTags().stream().map(TagShape::parse).toList()));
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return writes;
  }

  private static Path descriptionDirectory(Filer filer) {
    try {
      // A name nothing writes: asking for it opens nothing, it only says where it would be.
      FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "",
          RepositoryDescription.DIRECTORY + "/larder-probe");
      return Path.of(probe.toUri()).getParent();
    } catch (IOException | RuntimeException e) {
      return null; // not on a file system, or the Filer does not say
    }
  }

  private static RepositoryDescription description(Path file) {
    try {
      return DescriptionJson.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
