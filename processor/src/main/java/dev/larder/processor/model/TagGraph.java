package dev.larder.processor.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which writes of a repository invalidate which of its reads. A write invalidates a read when one
 * of its {@code @InvalidatesTags} templates and one of the read's {@code @CacheKey} tag templates
 * can name the same tag ({@link TagShape#overlaps}). Validation warns about the reads that no
 * write invalidates; the generated description lists every edge.
 *
 * <p>Reads are the cached {@code @Query} methods, writes the {@code @Update} methods; a method
 * carrying both (a user error) is neither.
 */
public final class TagGraph {
  private final Map<Method, List<Method>> writesByRead = new IdentityHashMap<>();
  private final Map<Method, List<Method>> readsByWrite = new IdentityHashMap<>();

  private TagGraph() {}

  /** The graph of {@code repository}'s methods. */
  public static TagGraph of(Repository repository) {
    TagGraph graph = new TagGraph();
    Map<Method, List<TagShape>> shapes = new IdentityHashMap<>();
    for (Method m : repository.methods()) {
      if (isRead(m)) {
        graph.writesByRead.put(m, new ArrayList<>());
        shapes.put(m, m.tags().stream().map(Template::shape).toList());
      } else if (isWrite(m)) {
        graph.readsByWrite.put(m, new ArrayList<>());
        shapes.put(m, m.invalidates().stream().map(Template::shape).toList());
      }
    }
    // Both loops follow declaration order, so every list comes out in declaration order.
    for (Method read : repository.methods()) {
      if (!isRead(read)) {
        continue;
      }
      for (Method write : repository.methods()) {
        if (isWrite(write) && anyOverlap(shapes.get(read), shapes.get(write))) {
          graph.writesByRead.get(read).add(write);
          graph.readsByWrite.get(write).add(read);
        }
      }
    }
    return graph;
  }

  /** The writes that invalidate {@code read}, in declaration order; empty if it is not a read. */
  public List<Method> writesInvalidating(Method read) {
    return List.copyOf(writesByRead.getOrDefault(read, List.of()));
  }

  /** The reads that {@code write} invalidates, in declaration order; empty if it is not a write. */
  public List<Method> readsInvalidatedBy(Method write) {
    return List.copyOf(readsByWrite.getOrDefault(write, List.of()));
  }

  private static boolean isRead(Method m) {
    return m.isCachedRead() && !m.conflicting();
  }

  private static boolean isWrite(Method m) {
    return m.kind() == MethodKind.UPDATE && !m.conflicting();
  }

  private static boolean anyOverlap(List<TagShape> readTags, List<TagShape> writeTags) {
    for (TagShape read : readTags) {
      for (TagShape write : writeTags) {
        if (read.overlaps(write)) {
          return true;
        }
      }
    }
    return false;
  }
}
