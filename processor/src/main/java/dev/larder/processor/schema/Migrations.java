package dev.larder.processor.schema;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration scripts of the option's directories, in the order they are applied, and a hash of
 * their names and contents that keys the description cache. Flyway's layout: versioned scripts
 * {@code V<version>__<name>.sql} in version order ({@code V1_1} and {@code V1.1} are 1.1), then
 * repeatable ones {@code R__<name>.sql} by name; directories with neither hold plain scripts,
 * applied in name order.
 *
 * @param scripts the scripts in order
 * @param hash a hex SHA-256 of every script's file name and content, in order
 */
record Migrations(List<Script> scripts, String hash) {
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");

  /**
   * A script.
   *
   * @param path where it is
   * @param content its text
   */
  record Script(Path path, String content) {}

  /**
   * Reads the scripts of {@code directories}.
   *
   * @throws IOException when a directory is missing or a script cannot be read
   */
  static Migrations read(List<Path> directories) throws IOException {
    List<Path> versioned = new ArrayList<>();
    List<Path> repeatable = new ArrayList<>();
    List<Path> plain = new ArrayList<>();
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        throw new IOException("migration directory " + directory + " does not exist");
      }
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (VERSIONED.matcher(name).matches()) {
            versioned.add(file);
          } else if (REPEATABLE.matcher(name).matches()) {
            repeatable.add(file);
          } else if (name.endsWith(".sql")) {
            plain.add(file);
          }
        }
      }
    }
    List<Path> ordered = new ArrayList<>();
    Comparator<Path> byName = Comparator.comparing(p -> p.getFileName().toString());
    if (versioned.isEmpty() && repeatable.isEmpty()) {
      plain.sort(byName);
      ordered.addAll(plain);
    } else {
      versioned.sort(Comparator.comparing(Migrations::version, Migrations::compareVersions)
          .thenComparing(byName));
      repeatable.sort(byName);
      ordered.addAll(versioned);
      ordered.addAll(repeatable);
    }
    List<Script> scripts = new ArrayList<>();
    MessageDigest digest = sha256();
    for (Path path : ordered) {
      String content = Files.readString(path, StandardCharsets.UTF_8);
      scripts.add(new Script(path, content));
      digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(content.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return new Migrations(List.copyOf(scripts), HexFormat.of().formatHex(digest.digest()));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static List<BigInteger> version(Path file) {
    Matcher m = VERSIONED.matcher(file.getFileName().toString());
    m.matches();
    List<BigInteger> parts = new ArrayList<>();
    for (String part : m.group(1).split("[._]")) {
      if (!part.isEmpty()) {
        parts.add(new BigInteger(part));
      }
    }
    return parts;
  }

  private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
