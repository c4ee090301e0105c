package dev.larder.example;

import dev.larder.runtime.ColumnConverter;

/** Stores an {@link Email} as its address. */
public final class EmailConverter implements ColumnConverter<Email, String> {
  @Override
  public String toColumn(Email email) {
    return email.address();
  }

  @Override
  public Email fromColumn(String address) {
    return new Email(address);
  }
}
