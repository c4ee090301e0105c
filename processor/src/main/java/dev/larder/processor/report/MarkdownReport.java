package dev.larder.processor.report;

import dev.larder.processor.model.TagShape;
import dev.larder.processor.report.RepositoryDescription.Cache;
import dev.larder.processor.report.RepositoryDescription.MethodDescription;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Transactional;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report of one repository as GitHub-flavoured Markdown: its reads with their key, tags, TTL
 * and the writes that invalidate each (flagging the reads no write invalidates), its writes, its
 * transactions, a Mermaid {@code graph LR} of writes → tags → reads, and its SQL. GitHub, GitLab,
 * IntelliJ and VS Code render it, diagram included.
 */
public final class MarkdownReport {
  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  /** The Markdown text of {@code description}'s report. */
  public static String render(RepositoryDescription description) {
    MarkdownReport report = new MarkdownReport();
    report.write(description);
    return report.out.toString();
  }

  private void write(RepositoryDescription d) {
    List<Read> reads = d.reads();
    List<Write> writes = d.writes();
    Cache cache = d.cache();
    line("# " + d.simpleName());
    line("");
    line(code(d.name()) + ": " + count(reads.size(), "read") + ", " + count(writes.size(), "write")
        + ". Cache defaults: TTL " + code(cache.ttl()) + ", empty results " + code(cache.emptyTtl())
        + ", stale-while-revalidate " + code(cache.staleWhileRevalidate()) + ", consistency "
        + code(cache.consistency()) + ".");
    List<String> stale =
        reads.stream().filter(Read::neverInvalidated).map(Read::uniqueName).toList();
    if (!stale.isEmpty()) {
      line("");
      line("> **Warning:** " + (stale.size() == 1 ? "1 read is" : stale.size() + " reads are")
          + " invalidated by no write of " + d.simpleName() + ", so " + (stale.size() == 1
              ? "its entries" : "their entries")
          + " can only go stale until their TTL: " + codes(stale) + ".");
    }
    reads(reads);
    writes(writes);
    transactions(d.transactional());
    graph(reads.stream().filter(Read::cached).toList(), writes); // uncached reads have no tags
    statements(d);
  }

  private void reads(List<Read> reads) {
    line("");
    line("## Reads");
    line("");
    if (reads.isEmpty()) {
      line("None.");
      return;
    }
    line("| Read | Key | Tags | TTL | Invalidated by |");
    line("|---|---|---|---|---|");
    for (Read r : reads) {
      if (!r.cached()) {
        row(code(Signatures.of(r.name(), r.parameters())), "**not cached**", "—", "—",
            "— (reads the database on every call)");
        continue;
      }
      String invalidatedBy = r.neverInvalidated()
          ? "**no write** (stale until its TTL)" : codes(r.invalidatedBy());
      row(code(Signatures.of(r.name(), r.parameters())), code(r.key()), codes(r.tags()),
          code(r.ttl()), invalidatedBy);
    }
  }

  private void writes(List<Write> writes) {
    line("");
    line("## Writes");
    line("");
    if (writes.isEmpty()) {
      line("None.");
      return;
    }
    line("| Write | Invalidates tags | Reads it invalidates |");
    line("|---|---|---|");
    for (Write w : writes) {
      String tags = w.invalidatesTags().isEmpty()
          ? "none" + (w.reason().isEmpty() ? "" : ": " + plain(w.reason()))
          : codes(w.invalidatesTags());
      row(code(Signatures.of(w.name(), w.parameters())) + (w.batch() ? " (batch)" : ""), tags,
          w.invalidatesReads().isEmpty() ? "none" : codes(w.invalidatesReads()));
    }
  }

  private void transactions(List<Transactional> transactional) {
    if (transactional.isEmpty()) {
      return;
    }
    line("");
    line("## Transactions");
    line("");
    line("| Method | Transaction | Isolation | Read-only | Attempts | Deadline | Also retried on |");
    line("|---|---|---|---|---|---|---|");
    for (Transactional t : transactional) {
      row(code(Signatures.of(t.name(), t.parameters())), code(t.transaction()),
          t.isolation().equals("DEFAULT") ? "default" : code(t.isolation()),
          t.readOnly() ? "yes" : "no",
          t.maxAttempts() == null ? "default" : t.maxAttempts().toString(),
          t.deadline() == null ? "default" : code(t.deadline()),
          codes(t.retryOn()));
    }
  }

  /**
   * Writes on the left, the tags they invalidate in the middle, the reads cached under those tags
   * on the right. Two different templates that can name the same tag ({@code product:{id}} and
   * {@code product:{row.id}}) are joined by a dotted arrow.
   */
  private void graph(List<Read> reads, List<Write> writes) {
    if (reads.isEmpty() && writes.isEmpty()) {
      return;
    }
    line("");
    line("## Tag graph");
    line("");
    line("Writes (left) invalidate tags (middle) under which reads (right) are cached; a dotted"
        + " arrow joins two templates that can name the same tag. Red reads are invalidated by"
        + " no write.");
    line("");
    line("```mermaid");
    line("graph LR");
    line("  classDef write fill:#fde8d0,stroke:#b85c00");
    line("  classDef tag fill:#eceff8,stroke:#7480a8");
    line("  classDef read fill:#dcf2dc,stroke:#2e7d32");
    line("  classDef stale fill:#fddede,stroke:#c62828,stroke-width:2px");
    Set<String> writeTags = new LinkedHashSet<>();
    writes.forEach(w -> writeTags.addAll(w.invalidatesTags()));
    Set<String> readTags = new LinkedHashSet<>();
    reads.forEach(r -> readTags.addAll(r.tags()));
    Map<String, String> tagIds = new LinkedHashMap<>();
    for (String tag : writeTags) {
      tagIds.put(tag, "t" + tagIds.size());
    }
    for (String tag : readTags) {
      tagIds.putIfAbsent(tag, "t" + tagIds.size());
    }
    for (int i = 0; i < writes.size(); i++) {
      Write w = writes.get(i);
      line("  w" + i + "[\"" + mermaid(w.uniqueName()) + "\"]:::write");
    }
    tagIds.forEach((tag, id) -> line("  " + id + "([\"" + mermaid(tag) + "\"]):::tag"));
    for (int i = 0; i < reads.size(); i++) {
      Read r = reads.get(i);
      String style = r.neverInvalidated() ? "stale" : "read";
      line("  r" + i + "[\"" + mermaid(r.uniqueName()) + "\"]:::" + style);
    }
    for (int i = 0; i < writes.size(); i++) {
      for (String tag : writes.get(i).invalidatesTags()) {
        line("  w" + i + " --> " + tagIds.get(tag));
      }
    }
    for (String written : writeTags) {
      for (String read : readTags) {
        if (!written.equals(read) && TagShape.parse(written).overlaps(TagShape.parse(read))) {
          line("  " + tagIds.get(written) + " -.-> " + tagIds.get(read));
        }
      }
    }
    for (int i = 0; i < reads.size(); i++) {
      for (String tag : reads.get(i).tags()) {
        line("  " + tagIds.get(tag) + " --> r" + i);
      }
    }
    line("```");
  }

  private void statements(RepositoryDescription description) {
    List<MethodDescription> methods = description.methods();
    if (methods.isEmpty()) {
      return;
    }
    line("");
    line("## Statements");
    for (MethodDescription m : methods) {
      line("");
      line("### " + code(Signatures.simpleType(m.returns()) + " "
          + Signatures.of(m.name(), m.parameters())));
      line("");
      line("Fingerprint " + code(m.fingerprint()) + ".");
      line("");
      List<RepositoryDescription.Column> columns = description.columnsOf(m);
      if (!columns.isEmpty()) {
        line("Columns, as PostgreSQL describes them: " + columns.stream()
            .map(c -> code(c.name()) + " " + c.describe()).collect(Collectors.joining(", "))
            + ".");
        line("");
      }
      String fence = "`".repeat(Math.max(3, longestRun(m.sql(), '`') + 1));
      line(fence + "sql");
      line(m.sql());
      line(fence);
    }
  }

  private void row(String... cells) {
    line(Arrays.stream(cells).map(MarkdownReport::cell)
        .collect(Collectors.joining(" | ", "| ", " |")));
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  /**
   * {@code text} as an inline code span that shows it exactly: fenced with more backticks than
   * it contains in a row, padded when it starts or ends with a backtick, on one line.
   */
  static String code(String text) {
    String oneLine = text.replaceAll("\\s*\\R\\s*", " ");
    if (oneLine.isEmpty()) {
      return "(empty)";
    }
    String fence = "`".repeat(longestRun(oneLine, '`') + 1);
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`")
        || (oneLine.startsWith(" ") && oneLine.endsWith(" ") && !oneLine.isBlank());
    String padding = pad ? " " : "";
    return fence + padding + oneLine + padding + fence;
  }

  /** A table cell: one line, its pipes escaped (GitHub requires it even inside code spans). */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /**
   * Text inside a line that must not turn into Markdown or HTML: on one line, with the characters
   * that start emphasis, code, links, HTML or entities escaped ({@link #cell} escapes pipes).
   */
  static String plain(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
      if ("\\`*_[]<>~&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A Mermaid label inside double quotes: entity codes for what would end or change it. */
  static String mermaid(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '#' -> out.append("#35;");
        case '&' -> out.append("#38;");
        case '<' -> out.append("#60;");
        case '>' -> out.append("#62;");
        case '`' -> out.append("#96;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String codes(List<String> texts) {
    return texts.isEmpty() ? "none"
        : texts.stream().map(MarkdownReport::code).collect(Collectors.joining(", "));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
