package app.backbone.catalog.domain;

/** Whether an exercise works both sides at once or one side at a time. */
public enum Laterality {
    BILATERAL,
    UNILATERAL
}
