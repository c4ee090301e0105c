package dev.larder.processor.report;

import dev.larder.processor.model.MethodSignature;
import dev.larder.processor.report.RepositoryDescription.Parameter;
import java.util.List;
import java.util.stream.Collectors;

/** How the reports show methods and types: as a reader would write them in the interface. */
final class Signatures {
  private Signatures() {}

  /** {@code Optional<Product>} for {@code java.util.Optional<dev.larder.example.Product>}. */
  static String simpleType(String type) {
    return MethodSignature.simpleType(type);
  }

  /** {@code findById(long id)}. */
  static String of(String name, List<Parameter> parameters) {
    return name + parameters.stream()
        .map(p -> simpleType(p.type()) + " " + p.name())
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
