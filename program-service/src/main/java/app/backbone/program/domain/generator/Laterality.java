package app.backbone.program.domain.generator;

/** Whether an exercise works both sides at once or one side at a time. */
public enum Laterality {
    BILATERAL,
    UNILATERAL
}
