package app.backbone.program.domain.generator;

/** A part of the back the member wants to bring up; it reorders and adjusts the back work. */
public enum WeakPoint {
    LATS,
    MID_BACK,
    LOWER_BACK
}
