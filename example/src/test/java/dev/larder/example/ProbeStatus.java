package dev.larder.example;

/** An enum for {@link TypeProbeRepository}, stored by name. */
public enum ProbeStatus {
  /** One value. */
  ON,
  /** Another value. */
  OFF
}
