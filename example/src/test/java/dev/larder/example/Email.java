package dev.larder.example;

import dev.larder.annotation.ConvertWith;

/** An e-mail address, stored as text through {@link EmailConverter}. */
@ConvertWith(EmailConverter.class)
public record Email(String address) {}
