package dev.larder.example;

import dev.larder.runtime.ColumnConverter;
import java.math.BigDecimal;

/** Stores {@link Money} as its amount. */
public final class MoneyConverter implements ColumnConverter<Money, BigDecimal> {
  @Override
  public BigDecimal toColumn(Money money) {
    return money.euros();
  }

  @Override
  public Money fromColumn(BigDecimal euros) {
    return new Money(euros);
  }
}
