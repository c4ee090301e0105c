package dev.larder.processor.report;

import dev.larder.processor.model.TagShape;
import dev.larder.processor.report.RepositoryDescription.Cache;
import dev.larder.processor.report.RepositoryDescription.MethodDescription;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Transactional;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cache dependencies of a whole build as one self-contained HTML page (no script, no
 * external file): for every repository its reads with key, tags, TTL and the writes that
 * invalidate each, its writes, a matrix of which write invalidates which read, its transactions
 * and its SQL. Reads that no write of their repository invalidates are flagged, as the compiler's
 * warning does; tags are shared by every repository of a runtime, so the page also shows the
 * writes of <em>other</em> repositories that can invalidate a read.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:76rem;padding:0 1rem;\
      color:#1d1d1f}
      h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ddd}
      h3{font-size:1.05rem;margin-top:1.5rem}
      table{border-collapse:collapse;margin:.5rem 0}
      th,td{border:1px solid #d0d0d7;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f3f6}code{font:13px ui-monospace,monospace;background:#f5f5f7;\
      padding:0 .2em;border-radius:3px}
      pre{background:#f5f5f7;padding:.6rem;overflow-x:auto;white-space:pre-wrap}
      .stale{background:#fdecec}.flag{color:#b71c1c;font-weight:600}.other{color:#555}
      .matrix td{text-align:center}.matrix td.hit{background:#dcf2dc}
      .matrix th.write{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
      .meta{color:#555}
      tr.uncached td{color:#555}
      """;

  private final List<RepositoryDescription> repositories;
  private final Map<Read, List<String>> otherWrites = new IdentityHashMap<>();
  private final Map<Write, List<String>> otherReads = new IdentityHashMap<>();
  private final StringBuilder out = new StringBuilder();

  private HtmlReport(List<RepositoryDescription> repositories) {
    this.repositories = repositories;
  }

  /** The page for {@code repositories}, in the order given. */
  public static String render(List<RepositoryDescription> repositories) {
    HtmlReport report = new HtmlReport(List.copyOf(repositories));
    report.matchAcrossRepositories();
    report.page();
    return report.out.toString();
  }

  /** Finds the writes of one repository that can invalidate the reads of another. */
  private void matchAcrossRepositories() {
    for (RepositoryDescription readOwner : repositories) {
      for (Read read : readOwner.reads()) {
        List<TagShape> readTags = read.tags().stream().map(TagShape::parse).toList();
        List<String> writes = new ArrayList<>();
        for (RepositoryDescription writeOwner : repositories) {
          if (writeOwner == readOwner) {
            continue;
          }
          for (Write write : writeOwner.writes()) {
            boolean overlaps = write.invalidatesTags().stream().map(TagShape::parse)
                .anyMatch(w -> readTags.stream().anyMatch(w::overlaps));
            if (overlaps) {
              writes.add(writeOwner.simpleName() + "." + write.uniqueName());
              otherReads.computeIfAbsent(write, w -> new ArrayList<>())
                  .add(readOwner.simpleName() + "." + read.uniqueName());
            }
          }
        }
        otherWrites.put(read, writes);
      }
    }
  }

  private void page() {
    int reads = repositories.stream().mapToInt(r -> r.reads().size()).sum();
    int writes = repositories.stream().mapToInt(r -> r.writes().size()).sum();
    line("<!DOCTYPE html>");
    line("<html lang=\"en\">");
    line("<head>");
    line("<meta charset=\"utf-8\">");
    line("<title>Larder cache dependencies</title>");
    line("<style>");
    out.append(STYLE);
    line("</style>");
    line("</head>");
    line("<body>");
    line("<h1>Larder cache dependencies</h1>");
    line("<p>" + count(repositories.size(), "repository", "repositories") + ", "
        + count(reads, "read", "reads") + ", " + count(writes, "write", "writes")
        + ". A write invalidates a read when one of its <code>@InvalidatesTags</code> templates"
        + " and one of the read's tag templates can name the same tag.</p>");
    if (repositories.isEmpty()) {
      line("<p>No repository descriptions were found: is the Larder processor on the"
          + " compiler's annotation processor path?</p>");
    }
    summary();
    repositories.forEach(this::repository);
    line("</body>");
    line("</html>");
  }

  private void summary() {
    List<String> flagged = new ArrayList<>();
    for (RepositoryDescription d : repositories) {
      for (Read r : d.reads()) {
        if (r.neverInvalidated()) {
          List<String> others = otherWrites.get(r);
          flagged.add("<li><a href=\"#" + attribute(anchor(d, r)) + "\">" + text(d.simpleName())
              + "." + text(r.uniqueName()) + "</a>: stale until its TTL (" + code(r.ttl()) + ")"
              + (others.isEmpty() ? ""
                  : "; only writes of other repositories invalidate it: " + codes(others))
              + "</li>");
        }
      }
    }
    if (!repositories.isEmpty()) {
      line("<ul>");
      for (RepositoryDescription d : repositories) {
        long stale = d.reads().stream().filter(Read::neverInvalidated).count();
        line("<li><a href=\"#" + attribute(d.name()) + "\">" + text(d.simpleName()) + "</a>: "
            + count(d.reads().size(), "read", "reads") + ", "
            + count(d.writes().size(), "write", "writes")
            + (stale == 0 ? "" : ", <span class=\"flag\">" + stale + " never invalidated</span>")
            + "</li>");
      }
      line("</ul>");
    }
    if (!flagged.isEmpty()) {
      line("<h2>Reads no write of their repository invalidates</h2>");
      line("<p>Their entries can only go stale until their TTL (the compiler warned about each)."
          + " Add one of their tags to the <code>@InvalidatesTags</code> of the writes that change"
          + " their rows.</p>");
      line("<ul>");
      flagged.forEach(this::line);
      line("</ul>");
    }
  }

  private void repository(RepositoryDescription d) {
    Cache cache = d.cache();
    line("<section id=\"" + attribute(d.name()) + "\">");
    line("<h2>" + text(d.simpleName()) + "</h2>");
    line("<p class=\"meta\">" + code(d.name()) + " · TTL " + code(cache.ttl())
        + " · empty results " + code(cache.emptyTtl()) + " · stale-while-revalidate "
        + code(cache.staleWhileRevalidate()) + " · consistency " + code(cache.consistency())
        + "</p>");
    reads(d);
    writes(d);
    matrix(d);
    transactions(d.transactional());
    statements(d);
    line("</section>");
  }

  private void reads(RepositoryDescription d) {
    line("<h3>Reads</h3>");
    if (d.reads().isEmpty()) {
      line("<p>None.</p>");
      return;
    }
    line("<table>");
    line("<tr><th>Read</th><th>Key</th><th>Tags</th><th>TTL</th><th>Invalidated by</th></tr>");
    for (Read r : d.reads()) {
      if (!r.cached()) {
        line("<tr id=\"" + attribute(anchor(d, r)) + "\" class=\"uncached\"><td>"
            + code(Signatures.of(r.name(), r.parameters())) + "</td><td>not cached</td><td>—"
            + "</td><td>—</td><td>— (reads the database on every call)</td></tr>");
        continue;
      }
      List<String> others = otherWrites.get(r);
      String invalidatedBy = r.neverInvalidated()
          ? "<span class=\"flag\">no write of " + text(d.simpleName())
              + ": stale until its TTL</span>"
          : codes(r.invalidatedBy());
      if (!others.isEmpty()) {
        invalidatedBy += "<br><span class=\"other\">other repositories: " + codes(others)
            + "</span>";
      }
      line("<tr id=\"" + attribute(anchor(d, r)) + "\"" + (r.neverInvalidated()
          ? " class=\"stale\"" : "") + "><td>" + code(Signatures.of(r.name(), r.parameters()))
          + "</td><td>" + code(r.key()) + "</td><td>" + codesOrNone(r.tags()) + "</td><td>"
          + code(r.ttl()) + "</td><td>" + invalidatedBy + "</td></tr>");
    }
    line("</table>");
  }

  private void writes(RepositoryDescription d) {
    line("<h3>Writes</h3>");
    if (d.writes().isEmpty()) {
      line("<p>None.</p>");
      return;
    }
    line("<table>");
    line("<tr><th>Write</th><th>Invalidates tags</th><th>Reads it invalidates</th></tr>");
    for (Write w : d.writes()) {
      String tags = w.invalidatesTags().isEmpty()
          ? "none" + (w.reason().isEmpty() ? "" : ": " + text(w.reason()))
          : codes(w.invalidatesTags());
      String readsCell = codesOrNone(w.invalidatesReads());
      List<String> others = otherReads.getOrDefault(w, List.of());
      if (!others.isEmpty()) {
        readsCell += "<br><span class=\"other\">other repositories: " + codes(others) + "</span>";
      }
      line("<tr><td>" + code(Signatures.of(w.name(), w.parameters()))
          + (w.batch() ? " (batch)" : "") + "</td><td>" + tags + "</td><td>" + readsCell
          + "</td></tr>");
    }
    line("</table>");
  }

  /** Reads down, writes across, a mark where the write invalidates the read. */
  private void matrix(RepositoryDescription d) {
    if (d.reads().isEmpty() || d.writes().isEmpty()) {
      return;
    }
    line("<h3>Which write invalidates which read</h3>");
    line("<table class=\"matrix\">");
    out.append("<tr><th></th>");
    for (Write w : d.writes()) {
      out.append("<th class=\"write\">").append(text(w.uniqueName())).append("</th>");
    }
    line("</tr>");
    for (Read r : d.reads()) {
      if (!r.cached()) {
        continue; // no tags, so no write invalidates it
      }
      out.append("<tr").append(r.neverInvalidated() ? " class=\"stale\"" : "").append("><th>")
          .append(text(r.uniqueName())).append("</th>");
      for (Write w : d.writes()) {
        boolean hit = r.invalidatedBy().contains(w.uniqueName());
        out.append(hit ? "<td class=\"hit\" title=\"" + attribute(w.uniqueName() + " invalidates "
            + r.uniqueName()) + "\">●</td>" : "<td></td>");
      }
      line("</tr>");
    }
    line("</table>");
  }

  private void transactions(List<Transactional> transactional) {
    if (transactional.isEmpty()) {
      return;
    }
    line("<h3>Transactions</h3>");
    line("<table>");
    line("<tr><th>Method</th><th>Transaction</th><th>Isolation</th><th>Read-only</th>"
        + "<th>Attempts</th><th>Deadline</th><th>Also retried on</th></tr>");
    for (Transactional t : transactional) {
      line("<tr><td>" + code(Signatures.of(t.name(), t.parameters())) + "</td><td>"
          + code(t.transaction()) + "</td><td>"
          + (t.isolation().equals("DEFAULT") ? "default" : code(t.isolation())) + "</td><td>"
          + (t.readOnly() ? "yes" : "no") + "</td><td>"
          + (t.maxAttempts() == null ? "default" : t.maxAttempts().toString()) + "</td><td>"
          + (t.deadline() == null ? "default" : code(t.deadline())) + "</td><td>"
          + codesOrNone(t.retryOn()) + "</td></tr>");
    }
    line("</table>");
  }

  private void statements(RepositoryDescription d) {
    if (d.methods().isEmpty()) {
      return;
    }
    line("<details>");
    line("<summary>SQL and fingerprints</summary>");
    for (MethodDescription m : d.methods()) {
      line("<p>" + code(Signatures.simpleType(m.returns()) + " "
          + Signatures.of(m.name(), m.parameters())) + " · fingerprint " + code(m.fingerprint())
          + "</p>");
      line("<pre>" + text(m.sql()) + "</pre>");
      List<RepositoryDescription.Column> columns = d.columnsOf(m);
      if (!columns.isEmpty()) {
        line("<p>columns: " + columns.stream().map(c -> code(c.name()) + " " + text(c.describe()))
            .collect(Collectors.joining(", ")) + "</p>");
      }
    }
    line("</details>");
  }

  private static String anchor(RepositoryDescription d, Read r) {
    return d.name() + "." + r.uniqueName();
  }

  private static String codes(List<String> texts) {
    return texts.stream().map(HtmlReport::code).collect(Collectors.joining(", "));
  }

  private static String codesOrNone(List<String> texts) {
    return texts.isEmpty() ? "none" : codes(texts);
  }

  private static String code(String text) {
    return "<code>" + text(text) + "</code>";
  }

  /** Text content: the characters HTML gives a meaning to, as references. */
  static String text(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An attribute value inside double quotes. */
  private static String attribute(String value) {
    return text(value);
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
