package dev.larder.processor.validate;

import dev.larder.processor.model.KnownWrite;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.Source;
import dev.larder.processor.model.TagShape;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Warns about cached reads that no write can invalidate: their entries can only go stale until
 * their TTL. Tags are global at run time — a write of one repository bumps the tags every
 * repository's reads carry — so this is decided over every repository of the compilation, once
 * all of them are validated, and not per repository. Two tag templates match when some values
 * of their placeholders make them equal ({@link TagShape#overlaps}).
 *
 * <p>An incremental compilation may hold only some repositories; the writes of the others come
 * from the descriptions earlier compilations left in the class output ({@link KnownWrite}), so
 * they do not make the reads they invalidate look stale. Writes of repositories in other modules
 * (jars) are not seen.
 */
public final class TagCoverage {
  /** A repository added in some round: its name and the indices of its valid methods. */
  private record Added(String name, List<Integer> valid) {}

  private final List<Added> added = new ArrayList<>();

  /**
   * Adds the methods of {@code repository} that have no errors: its cached reads are checked,
   * its writes invalidate. Methods with errors are left out, their errors come first.
   */
  void add(Repository repository, List<Method> valid) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < repository.methods().size(); i++) {
      Method m = repository.methods().get(i);
      if (valid.stream().anyMatch(v -> v == m)) {
        indices.add(i);
      }
    }
    added.add(new Added(repository.interfaceName().canonicalName(), indices));
  }

  /** The qualified names of the repositories added so far. */
  public List<String> repositories() {
    return added.stream().map(Added::name).toList();
  }

  /**
   * Warns about each added read that no added write and none of {@code earlier} invalidates, then
   * forgets what was added. javac makes new elements in each round, and a diagnostic on an
   * element of an earlier round has no position, so the repositories are read again, in this
   * round, by {@code reread}.
   */
  public void check(
      Diagnostics diagnostics, List<KnownWrite> earlier, Function<String, Repository> reread) {
    Map<Repository, List<Method>> checked = new LinkedHashMap<>();
    for (Added a : added) {
      Repository repository = reread.apply(a.name());
      if (repository != null) {
        checked.put(repository, a.valid().stream().map(repository.methods()::get).toList());
      }
    }
    added.clear();
    List<TagShape> written = new ArrayList<>();
    checked.values().forEach(methods -> methods.stream()
        .filter(m -> m.kind() == MethodKind.UPDATE && !m.conflicting())
        .forEach(m -> m.invalidates().forEach(t -> written.add(t.shape()))));
    earlier.forEach(w -> written.addAll(w.invalidates()));
    checked.forEach((repository, methods) -> {
      for (Method m : methods) {
        if (m.isCachedRead() && !m.conflicting() && !invalidated(m, written)) {
          warn(diagnostics, repository, m);
        }
      }
    });
  }

  private static boolean invalidated(Method read, List<TagShape> written) {
    for (Template tag : read.tags()) {
      TagShape shape = tag.shape();
      for (TagShape w : written) {
        if (shape.overlaps(w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void warn(Diagnostics diagnostics, Repository repository, Method m) {
    String tags = m.tags().isEmpty() ? "it has no tags"
        : m.tags().stream().map(Template::text).collect(Collectors.joining(", "));
    // On the tags when there are some: they are what a write would have to name.
    Source where = m.tags().isEmpty() ? m.source() : m.tags().get(0).source();
    diagnostics.report(Message.TAGS_NEVER_INVALIDATED, where,
        repository.interfaceName().simpleName() + "." + m.uniqueName(), tags);
  }
}
