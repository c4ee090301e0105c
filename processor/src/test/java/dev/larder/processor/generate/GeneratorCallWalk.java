package dev.larder.processor.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Follows a generator's calls the way a reader does, from the compiled classes of one package,
 * and counts how often the walk goes back into a file it came from.
 *
 * <p>The rule: a depth-first walk of the static call graph from a start method, in the order the
 * calls stand in the bytecode; each method is expanded the first time the walk reaches it. Only
 * methods declared in the package are followed (the model, JavaPoet and the JDK are not); a
 * lambda or a method reference counts as a call made by the method that creates it; field reads
 * are not calls. A file is a top-level class with its nested ones. The walk <em>enters</em> every
 * file one of its methods is in; it <em>comes back</em> when a call leads from a file into
 * another file that is still on the call chain, one the walk left to get where it is. A package
 * whose files call each other in one direction only (a DAG) is walked without coming back.
 *
 * <p>Needs only the JDK ({@code javap} through {@link ToolProvider}), so it also runs on its own:
 *
 * <pre>
 * java processor/src/test/java/dev/larder/processor/generate/GeneratorCallWalk.java \
 *     processor/target/classes dev.larder.processor.generate.ImplGenerator generate
 * </pre>
 */
public final class GeneratorCallWalk {
  private static final Pattern CALL = Pattern.compile(
      "invoke(?:static|virtual|special|interface)\\s+#\\d+.*// (?:Interface)?Method "
          + "(?:([\\w/$]+)\\.)?(\"<init>\"|[\\w$]+):(\\S+)");
  private static final Pattern INDY = Pattern.compile("invokedynamic.*// InvokeDynamic #(\\d+):");
  private static final Pattern HANDLE = Pattern.compile(
      "REF_\\w+ ([\\w/$]+)\\.(\"<init>\"|[\\w$]+):(\\S+)");
  private static final Pattern BOOTSTRAP = Pattern.compile("^  (\\d+): #\\d+ REF_");

  /** What a walk found. */
  public record Result(List<String> files, List<String> returns) {
    @Override
    public String toString() {
      return "entered " + files.size() + " files, came back " + returns.size() + " times\n"
          + "files: " + String.join(", ", files) + "\n"
          + (returns.isEmpty() ? "" : "back: " + String.join("\n      ", returns) + "\n");
    }
  }

  private final String packagePath;
  /** Calls of each method ("owner.name:descriptor"), in bytecode order. */
  private final Map<String, List<String>> calls = new HashMap<>();

  private GeneratorCallWalk(String packagePath) {
    this.packagePath = packagePath;
  }

  /** Reads every class of {@code packageName} under {@code classes}. */
  public static GeneratorCallWalk of(Path classes, String packageName) {
    String packagePath = packageName.replace('.', '/');
    GeneratorCallWalk walk = new GeneratorCallWalk(packagePath);
    try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        walk.read(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return walk;
  }

  private void read(Path classFile) {
    String name = classFile.getFileName().toString();
    String owner = packagePath + "/" + name.substring(0, name.length() - ".class".length());
    List<String> lines = javap(classFile);
    Map<Integer, List<String>> bootstrapTargets = bootstrapTargets(lines);
    String method = null;
    String header = null;
    for (String line : lines) {
      if (line.startsWith("  ") && !line.startsWith("   ") && line.trim().endsWith(";")) {
        header = line.trim();
      } else if (line.startsWith("    descriptor: ") && header != null) {
        boolean isMethod = header.contains("(") || header.equals("static {};");
        method = isMethod
            ? owner + "." + methodName(header, owner) + ":" + line.substring(16).trim() : null;
        if (method != null) {
          calls.put(method, new ArrayList<>());
        }
        header = null;
      } else if (line.equals("BootstrapMethods:") || line.equals("InnerClasses:")) {
        method = null;
      } else if (method != null) {
        Matcher call = CALL.matcher(line);
        Matcher indy = INDY.matcher(line);
        if (call.find()) {
          String target = call.group(1) != null ? call.group(1) : owner;
          calls.get(method).add(target + "." + call.group(2).replace("\"", "") + ":"
              + call.group(3));
        } else if (indy.find()) {
          calls.get(method).addAll(
              bootstrapTargets.getOrDefault(Integer.parseInt(indy.group(1)), List.of()));
        }
      }
    }
  }

  /** The methods each bootstrap method (a lambda or a method reference) hands out. */
  private static Map<Integer, List<String>> bootstrapTargets(List<String> lines) {
    Map<Integer, List<String>> out = new HashMap<>();
    Integer current = null;
    boolean inBootstraps = false;
    for (String line : lines) {
      if (line.equals("BootstrapMethods:")) {
        inBootstraps = true;
        continue;
      }
      if (!inBootstraps) {
        continue;
      }
      if (!line.startsWith(" ")) {
        break;
      }
      Matcher bootstrap = BOOTSTRAP.matcher(line);
      if (bootstrap.find()) {
        current = Integer.parseInt(bootstrap.group(1));
        out.put(current, new ArrayList<>());
      } else if (current != null && line.startsWith("      ")) {
        Matcher handle = HANDLE.matcher(line);
        if (handle.find()) {
          out.get(current).add(handle.group(1) + "." + handle.group(2).replace("\"", "") + ":"
              + handle.group(3));
        }
      }
    }
    return out;
  }

  private static String methodName(String header, String owner) {
    if (header.equals("static {};")) {
      return "<clinit>";
    }
    String beforeParameters = header.substring(0, header.indexOf('('));
    String name = beforeParameters.substring(beforeParameters.lastIndexOf(' ') + 1);
    return name.equals(owner.replace('/', '.')) ? "<init>" : name;
  }

  private static List<String> javap(Path classFile) {
    ToolProvider javap = ToolProvider.findFirst("javap")
        .orElseThrow(() -> new IllegalStateException("no javap: run on a JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = javap.run(new PrintWriter(out), new PrintWriter(err), "-c", "-p", "-v",
        classFile.toString());
    if (status != 0) {
      throw new IllegalStateException("javap failed on " + classFile + ": " + err);
    }
    return out.toString().lines().toList();
  }

  /** Walks from {@code className.methodName} (every overload of it). */
  public Result walk(String className, String methodName) {
    String start = className.replace('.', '/') + "." + methodName + ":";
    Set<String> expanded = new HashSet<>();
    Set<String> files = new LinkedHashSet<>();
    List<String> returns = new ArrayList<>();
    for (String method : calls.keySet().stream().filter(m -> m.startsWith(start)).sorted()
        .toList()) {
      visit(method, new ArrayList<>(), expanded, files, returns);
    }
    return new Result(List.copyOf(files), returns);
  }

  private void visit(String method, List<String> chain, Set<String> expanded, Set<String> files,
      List<String> returns) {
    if (!expanded.add(method)) {
      return;
    }
    String file = fileOf(method);
    files.add(file);
    chain.add(method);
    for (String target : calls.get(method)) {
      if (!calls.containsKey(target)) {
        continue; // outside the package, or inherited from a type outside it
      }
      String targetFile = fileOf(target);
      if (!targetFile.equals(file)
          && chain.stream().map(GeneratorCallWalk::fileOf).anyMatch(targetFile::equals)) {
        returns.add(simple(method) + " -> " + simple(target));
      }
      visit(target, chain, expanded, files, returns);
    }
    chain.remove(chain.size() - 1);
  }

  /**
   * The calls between files of the package that lie on a cycle, {@code A -> B} where B calls its
   * way back to A: empty when the files call each other in one direction only.
   */
  public List<String> cycles() {
    Map<String, Set<String>> graph = new HashMap<>();
    calls.forEach((method, targets) -> {
      for (String target : targets) {
        if (calls.containsKey(target) && !fileOf(target).equals(fileOf(method))) {
          graph.computeIfAbsent(fileOf(method), f -> new LinkedHashSet<>()).add(fileOf(target));
        }
      }
    });
    List<String> out = new ArrayList<>();
    graph.forEach((from, tos) -> {
      for (String to : tos) {
        if (reaches(graph, to, from, new HashSet<>())) {
          out.add(from + " -> " + to);
        }
      }
    });
    return out.stream().sorted().toList();
  }

  private static boolean reaches(
      Map<String, Set<String>> graph, String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : graph.getOrDefault(from, Set.of())) {
      if (reaches(graph, next, to, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The top-level class a method's class is, or is nested in. */
  private static String fileOf(String method) {
    String owner = method.substring(0, method.lastIndexOf('.', method.indexOf(':')));
    String simple = owner.substring(owner.lastIndexOf('/') + 1);
    int nested = simple.indexOf('$');
    return nested < 0 ? simple : simple.substring(0, nested);
  }

  private static String simple(String method) {
    String withoutDescriptor = method.substring(0, method.indexOf(':'));
    return withoutDescriptor.substring(withoutDescriptor.lastIndexOf('/') + 1);
  }

  /**
   * Prints the walk. Arguments: the classes folder ({@code processor/target/classes}), then
   * optionally the start class and method (default {@code ImplGenerator.generate}).
   */
  public static void main(String[] args) {
    Path classes = Path.of(args.length > 0 ? args[0] : "processor/target/classes");
    String className = args.length > 1 ? args[1] : "dev.larder.processor.generate.ImplGenerator";
    String methodName = args.length > 2 ? args[2] : "generate";
    String packageName = className.substring(0, className.lastIndexOf('.'));
    GeneratorCallWalk walk = of(classes, packageName);
    System.out.print(walk.walk(className, methodName));
    List<String> cycles = walk.cycles();
    System.out.println("calls on a cycle between files of " + packageName + ": " + cycles.size()
        + (cycles.isEmpty() ? "" : "\n      " + String.join("\n      ", cycles)));
  }
}
