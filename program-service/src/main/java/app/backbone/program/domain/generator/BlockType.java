package app.backbone.program.domain.generator;

/** The part of a session a block of prescriptions belongs to, in session order. */
public enum BlockType {
    WARM_UP,
    MAIN,
    SUPERSET,
    ACCESSORY,
    COOL_DOWN
}
