package app.backbone.program.domain.generator;

/** What kind of work an exercise is (the catalog's vocabulary). */
public enum Category {
    STRENGTH,
    MOBILITY,
    STRETCH,
    SELF_MYOFASCIAL_RELEASE
}
