package dev.larder.processor.read;

/** The naming rule between record components and result columns. */
final class Names {
  private Names() {}

  /** {@code priceCents -> price_cents}, {@code httpURL -> http_url}, {@code id -> id}. */
  static String column(String component) {
    StringBuilder out = new StringBuilder(component.length() + 4);
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(component.charAt(i - 1));
        boolean endOfAcronym = i > 0 && Character.isUpperCase(component.charAt(i - 1))
            && i + 1 < component.length() && Character.isLowerCase(component.charAt(i + 1));
        if (afterLower || endOfAcronym) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
