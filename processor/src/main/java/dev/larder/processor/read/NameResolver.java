package dev.larder.processor.read;

import dev.larder.processor.model.Binding;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a name used in SQL ({@code :name}) or in a template ({@code {name}}) against a
 * method's parameters: a parameter by its name, a component of a record parameter by
 * {@code param.component}, or a component by its bare name when exactly one record parameter has
 * it.
 */
final class NameResolver {
  private final List<Parameter> parameters;

  NameResolver(List<Parameter> parameters) {
    this.parameters = parameters;
  }

  Binding bind(String name) {
    List<Match> matches = matches(name);
    if (matches.isEmpty()) {
      // ":rows" naming a batch parameter binds it whole, which validation reports as such.
      Parameter batch = parameters.stream()
          .filter(p -> p.kind() == ParameterKind.BATCH && p.name().equals(name))
          .findFirst().orElse(null);
      return new Binding(name, batch, null, null);
    }
    Match first = matches.get(0);
    Parameter second = matches.size() > 1 ? matches.get(1).parameter() : null;
    return new Binding(name, first.parameter(), first.component(), second);
  }

  Template.Placeholder placeholder(String path) {
    List<Match> matches = matches(path);
    if (matches.size() != 1) {
      return new Template.Placeholder(path, null, null, false);
    }
    Match match = matches.get(0);
    boolean perElement = match.parameter().kind() == ParameterKind.BATCH;
    return new Template.Placeholder(path, match.parameter(), match.component(), perElement);
  }

  private List<Match> matches(String name) {
    List<Match> matches = new ArrayList<>();
    int dot = name.indexOf('.');
    if (dot >= 0) {
      String head = name.substring(0, dot);
      String tail = name.substring(dot + 1);
      for (Parameter p : parameters) {
        JavaType.Record record = p.record();
        if (p.name().equals(head) && record != null && record.component(tail) != null) {
          matches.add(new Match(p, record.component(tail)));
        }
      }
      return matches;
    }
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        // A batch parameter cannot be bound whole; only its components can.
        if (p.kind() != ParameterKind.BATCH) {
          matches.add(new Match(p, null));
        }
        return matches;
      }
    }
    for (Parameter p : parameters) {
      JavaType.Record record = p.record();
      if (record != null && record.component(name) != null) {
        matches.add(new Match(p, record.component(name)));
      }
    }
    return matches;
  }

  private record Match(Parameter parameter, JavaType.Component component) {}
}
