package app.backbone.program.domain.generator;

/** Which machine of the row / pulldown superset goes first. */
public enum SupersetStart {
    ROW,
    PULLDOWN
}
