package dev.larder.example;

import dev.larder.annotation.ConvertWith;
import java.math.BigDecimal;

/** An amount of euros, stored as a numeric through {@link MoneyConverter}. */
@ConvertWith(MoneyConverter.class)
public record Money(BigDecimal euros) {}
