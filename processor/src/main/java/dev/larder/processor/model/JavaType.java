package dev.larder.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** A Java type as Larder understands it: a scalar, a record of scalars, or something else. */
public sealed interface JavaType {

  /** The JavaPoet name of the type, for generated code. */
  TypeName typeName();

  /** Human-readable text of the type, for messages and fingerprints. */
  String display();

  /**
   * A column type Larder reads and binds without reflection; an enum has its constants, in
   * declaration order, with their labels (empty for other kinds); a type annotated
   * {@code @ConvertWith} its converter (null for other kinds).
   */
  record Scalar(ScalarKind kind, TypeName typeName, String display, List<EnumConstant> constants,
      Converter converter) implements JavaType {

    public Scalar(ScalarKind kind, TypeName typeName, String display) {
      this(kind, typeName, display, List.of());
    }

    public Scalar(
        ScalarKind kind, TypeName typeName, String display, List<EnumConstant> constants) {
      this(kind, typeName, display, constants, null);
    }

    /** True for an enum one of whose constants has a label other than its name. */
    public boolean relabelled() {
      return constants.stream().anyMatch(c -> !c.label().equals(c.name()));
    }

    /**
     * The type of the elements of an array column ({@code String} of {@code List<String>} and
     * {@code String[]}), the enum itself for an enum; null for other kinds.
     */
    public Scalar element() {
      if (kind == ScalarKind.ENUM) {
        return this;
      }
      ScalarKind element = kind.arrayElement();
      if (element == null) {
        return null;
      }
      TypeName elementType = typeName instanceof ArrayTypeName array ? array.componentType()
          : ((ParameterizedTypeName) typeName).typeArguments().get(0);
      String elementDisplay = display.endsWith("[]")
          ? display.substring(0, display.length() - 2)
          : display.substring(display.indexOf('<') + 1, display.length() - 1);
      return new Scalar(element, elementType, elementDisplay, constants);
    }
  }

  /** A record whose components are all scalars; mapped by column name. */
  record Record(ClassName typeName, String display, List<Component> components)
      implements JavaType {

    /** Finds a component by name, or null. */
    public Component component(String name) {
      for (Component c : components) {
        if (c.name().equals(name)) {
          return c;
        }
      }
      return null;
    }
  }

  /**
   * A record component. {@code type} is a {@link Scalar} when supported, otherwise an
   * {@link Unsupported} that validation reports.
   *
   * @param nonNullColumn whether it is annotated {@code @NonNullColumn}: its column is never NULL
   *     though the schema check cannot prove it
   */
  record Component(String name, String column, JavaType type, boolean nonNullColumn) {

    public Component(String name, String column, JavaType type) {
      this(name, column, type, false);
    }
  }

  /** A type Larder does not support here; validation reports it with the supported list. */
  record Unsupported(TypeName typeName, String display) implements JavaType {}
}
