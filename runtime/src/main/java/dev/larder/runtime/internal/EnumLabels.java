package dev.larder.runtime.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The labels of one enum: the text each constant stands for in the database (its
 * {@code @EnumLabel}, or its name), with both directions written by the processor as switches.
 * Every place a constant becomes text uses the label: parameters, array parameters, cache keys
 * and tags, cached values and cursors; every place text becomes a constant reads it back here.
 *
 * <p>Labels are bound with the type left to PostgreSQL ({@code Types.OTHER}, sent as
 * {@code unknown}), which casts them to the type of what they are compared with or stored in:
 * an enum type as well as {@code text} or {@code varchar}. An array goes as an array literal of
 * unknown type, which {@code col = ANY(:xs)} types as an array of the column's type.
 *
 * @param <E> the enum
 */
public final class EnumLabels<E extends Enum<E>> {
  private final String enumName;
  private final Function<E, String> labelOf;
  private final Function<String, E> constantOf;

  /**
   * @param enumName the enum's name, for messages
   * @param labelOf the label of a non-null constant
   * @param constantOf the constant of a non-null label, or null when no constant has it
   */
  public EnumLabels(
      String enumName, Function<E, String> labelOf, Function<String, E> constantOf) {
    this.enumName = enumName;
    this.labelOf = labelOf;
    this.constantOf = constantOf;
  }

  /** The label of {@code constant}; null for null. */
  public String label(E constant) {
    return constant == null ? null : labelOf.apply(constant);
  }

  /** The labels of {@code constants} in order, nulls kept; null for null. */
  public List<String> labels(Iterable<E> constants) {
    if (constants == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (E constant : constants) {
      out.add(label(constant));
    }
    return out;
  }

  /**
   * The PostgreSQL array literal of the labels of {@code constants}, such as
   * {@code {"PG-13",NULL}}; null for null.
   */
  public String arrayLiteral(Iterable<E> constants) {
    if (constants == null) {
      return null;
    }
    StringBuilder out = new StringBuilder("{");
    for (E constant : constants) {
      if (out.length() > 1) {
        out.append(',');
      }
      String label = label(constant);
      if (label == null) {
        out.append("NULL");
        continue;
      }
      out.append('"');
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }

  /**
   * The constant whose label is {@code label}; null for null.
   *
   * @throws IllegalArgumentException if no constant has that label
   */
  public E constant(String label) {
    if (label == null) {
      return null;
    }
    E constant = constantOf.apply(label);
    if (constant == null) {
      throw new IllegalArgumentException(
          "'" + label + "' is not the label of a constant of enum " + enumName);
    }
    return constant;
  }

  /**
   * Reads a column into its constant, naming the column, the value and the enum when no constant
   * has that label.
   */
  public E read(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    if (text == null) {
      return null;
    }
    E constant = constantOf.apply(text);
    if (constant == null) {
      throw new SQLException("value '" + text + "' of column "
          + rs.getMetaData().getColumnLabel(column) + " is not a constant of enum " + enumName
          + " (label it with @EnumLabel(\"" + text + "\") if it stands for one)", "22000");
    }
    return constant;
  }

  /**
   * The constants of the labels read from an array column, in order, nulls kept; null for
   * null. Names the column, the value and the enum when no constant has a label.
   */
  List<E> read(ResultSet rs, int column, List<String> texts) throws SQLException {
    if (texts == null) {
      return null;
    }
    List<E> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      E constant = text == null ? null : constantOf.apply(text);
      if (text != null && constant == null) {
        throw new SQLException("element '" + text + "' of column "
            + rs.getMetaData().getColumnLabel(column) + " is not a constant of enum " + enumName
            + " (label it with @EnumLabel(\"" + text + "\") if it stands for one)", "22000");
      }
      out.add(constant);
    }
    return Collections.unmodifiableList(out);
  }

  /** Writes a constant for the shared cache level, as its label. */
  public void write(DataOutput out, E constant) throws IOException {
    Codecs.writeString(out, label(constant));
  }

  /**
   * Reads a constant written by {@link #write}.
   *
   * @throws IOException if no constant has the label read, as after a deploy removed it
   */
  public E read(DataInput in) throws IOException {
    String label = Codecs.readString(in);
    if (label == null) {
      return null;
    }
    E constant = constantOf.apply(label);
    if (constant == null) {
      throw new IOException("'" + label + "' is no longer a label of enum " + enumName);
    }
    return constant;
  }

  /** The codec of a cached constant, as its label. */
  public ValueCodec<E> codec() {
    return ValueCodec.of(this::write, this::read);
  }

  /** The codec of a cached array column read into a list, which may be null and hold nulls. */
  public ValueCodec<List<E>> listCodec() {
    return Codecs.nullable(Codecs.list(codec()));
  }

  /** The codec of a cached array column read into an array, which may be null and hold nulls. */
  public ValueCodec<E[]> arrayCodec(IntFunction<E[]> newArray) {
    return Codecs.array(codec(), newArray);
  }
}
